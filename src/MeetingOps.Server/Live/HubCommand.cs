namespace MeetingOps.Server.Live;

/// <summary>
/// A chair's command through the hub's <see cref="MeetingHub.Act"/>, as one record rather than a growing list of
/// positional arguments: the same fields as <see cref="MeetingHub.CommandAs"/>, and <see cref="Confirm"/>, the
/// confirmation a refusal asked for (<c>offDay</c>: start a sitting on a day other than its planned day), as
/// <c>?confirm=</c> does over REST.
/// </summary>
public sealed record HubCommand(
    string MeetingId,
    string Kind,
    string Id,
    string Action,
    string? ChairKey = null,
    string? IdempotencyKey = null,
    long? ExpectedVersion = null,
    string? SessionId = null,
    string? ActorName = null,
    string? Confirm = null);
