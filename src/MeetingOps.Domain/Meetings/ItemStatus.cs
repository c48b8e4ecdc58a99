namespace MeetingOps.Domain;

/// <summary>Where an agenda item stands. See <see cref="ItemStateMachine"/> for the moves between them.</summary>
public enum ItemStatus
{
    /// <summary>Not yet taken up.</summary>
    Pending,
    /// <summary>Taken up: under consideration now.</summary>
    Open,
    /// <summary>Consideration suspended, to be resumed in a later session.</summary>
    Continued,
    /// <summary>Consideration finished.</summary>
    Concluded,
    /// <summary>Finished by adoption (of the agenda, the report, recommendations).</summary>
    Adopted,
    /// <summary>Postponed to a later meeting.</summary>
    Deferred,
}

/// <summary>What the chair does to an agenda item.</summary>
public enum ItemAction
{
    /// <summary>Take up the item (again, if it was continued).</summary>
    Open,
    /// <summary>Suspend consideration; it resumes in a later session.</summary>
    Continue,
    /// <summary>Finish consideration.</summary>
    Conclude,
    /// <summary>Finish by adoption.</summary>
    Adopt,
    /// <summary>Postpone to a later meeting.</summary>
    Defer,
    /// <summary>Take up again an item that was concluded or adopted (the body decides to reopen it).</summary>
    Reopen,
}
