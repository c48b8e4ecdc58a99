namespace MeetingOps.Domain;

/// <summary>How a session is held. A hybrid session is capped by the remote interpretation platform.</summary>
public enum SessionFormat
{
    InPerson,
    Hybrid,
    Online,
}
