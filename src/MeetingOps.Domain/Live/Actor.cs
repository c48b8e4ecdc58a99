namespace MeetingOps.Domain;

/// <summary>Who may act on a meeting.</summary>
public enum Role
{
    /// <summary>The secretariat's conference officer: creates meetings, may do what the chair does.</summary>
    Organizer,
    /// <summary>The chair (or the secretary at the podium) holding the meeting's chair key.</summary>
    Chair,
    /// <summary>MeetingOps itself, e.g. ending a capped sitting on time.</summary>
    System,
}

/// <summary>Who did something: the role whose key was presented, and the name they gave, if any.</summary>
public sealed record Actor(Role Role, string? Name = null)
{
    public const int MaxNameLength = 100;

    public override string ToString() => Name is null ? Role.ToString().ToLowerInvariant() : $"{Role.ToString().ToLowerInvariant()} ({Name})";
}
