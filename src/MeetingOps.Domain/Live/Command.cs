namespace MeetingOps.Domain;

/// <summary>A chair's command on a live meeting.</summary>
public abstract record Command;

/// <summary>Do <see cref="Action"/> to an agenda item; <see cref="SessionId"/> says in which sitting when more than one could apply.</summary>
public sealed record ItemCommand(string ItemId, ItemAction Action, string? SessionId = null) : Command;

/// <summary>Do <see cref="Action"/> to a sitting; <see cref="Reason"/> says why when MeetingOps does it by itself (a cap reached).</summary>
public sealed record SessionCommand(string SessionId, SessionAction Action, string? Reason = null) : Command;
