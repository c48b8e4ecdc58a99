namespace MeetingOps.Domain;

/// <summary>A chair's command on a live meeting.</summary>
public abstract record Command;

/// <summary>Do <see cref="Action"/> to an agenda item; <see cref="SessionId"/> says in which sitting when more than one could apply.</summary>
public sealed record ItemCommand(string ItemId, ItemAction Action, string? SessionId = null) : Command;

/// <summary>
/// Do <see cref="Action"/> to a sitting; <see cref="Reason"/> says why when MeetingOps does it by itself (a cap reached).
/// <see cref="ConfirmOffDay"/>: the chair confirmed starting it on a day other than its planned day (otherwise refused, to catch a wrong sitting picked).
/// </summary>
public sealed record SessionCommand(string SessionId, SessionAction Action, string? Reason = null, bool ConfirmOffDay = false) : Command
{
    /// <summary>The confirmation's name, as <c>?confirm=offDay</c> on the API and in a refusal's code.</summary>
    public const string OffDay = "offDay";
}
