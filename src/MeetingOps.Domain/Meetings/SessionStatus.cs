namespace MeetingOps.Domain;

/// <summary>Where a sitting stands.</summary>
public enum SessionStatus
{
    /// <summary>Planned, not yet started.</summary>
    Scheduled,
    /// <summary>Sitting now.</summary>
    InProgress,
    /// <summary>Suspended for a while (a break, consultations); resumes in the same sitting.</summary>
    Suspended,
    /// <summary>Over.</summary>
    Ended,
}

/// <summary>What the chair does to a sitting.</summary>
public enum SessionAction
{
    Start,
    Suspend,
    Resume,
    End,
}
