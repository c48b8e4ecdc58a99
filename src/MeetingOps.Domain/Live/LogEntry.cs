namespace MeetingOps.Domain;

/// <summary>Whether a change concerns an agenda item, a sitting's status, or the schedule (format, cap, start, plan).</summary>
public enum ChangeSubject
{
    Item,
    Session,
    Schedule,
    /// <summary>The secretariat amended the definition: an item, document, sitting, body or officers (DefinitionAmendments).</summary>
    Amendment,
    /// <summary>A notice to everyone following, made or withdrawn (<see cref="Announcements"/>).</summary>
    Announcement,
}

/// <summary>
/// One change of state, as the audit log records it: which version of the meeting it made, when, by whom,
/// under which command, to what (item and/or sitting), and the move from one status to another.
/// A log entry is also the unit of work the grains apply: each is applied once, by version.
/// </summary>
/// <param name="SessionId">For a sitting: the sitting. For an item: the sitting it happened in, if any.</param>
/// <param name="Note">Why, when the chair did not ask for it directly (e.g. "the sitting ended").</param>
/// <param name="Corrects">For an <c>undo</c> entry: the version of the change it takes back (see <see cref="Corrections"/>).</param>
/// <param name="Announcement">For an announcement made or withdrawn: the notice itself.</param>
public sealed record LogEntry(
    long Version,
    DateTimeOffset At,
    string CommandId,
    Actor Actor,
    ChangeSubject Subject,
    string? ItemId,
    string? SessionId,
    string Action,
    string From,
    string To,
    string? Note = null,
    long? Corrects = null,
    Announcement? Announcement = null)
{
    /// <summary>The status an item change leads to (methods, not properties: they are not part of the record's JSON).</summary>
    public ItemStatus ItemStatusAfter() => Enum.Parse<ItemStatus>(To, ignoreCase: true);

    public SessionStatus SessionStatusAfter() => Enum.Parse<SessionStatus>(To, ignoreCase: true);
}
