using MeetingOps.Domain;

namespace MeetingOps.Contracts;

// What travels over the live hub (/hubs/meetings), in one place: the server, the CLI, the tests and the load tests use
// these records rather than each declaring its own copy. Changing a field here changes the wire for all of them, and
// the hub's wire tests (JSON and MessagePack) say so. The push itself, MeetingChanged, is the domain's (the domain
// computes it); its Version stays the first field so cheap clients can read it first.

/// <summary>The names of the client methods the hub calls, as they travel (the typed client on the server sends under these names).</summary>
public static class MeetingClientMethods
{
    /// <summary>Every committed change, with one <see cref="MeetingChanged"/>.</summary>
    public const string Changed = "changed";

    /// <summary>A capped sitting nears its cap, with one <see cref="CapWarning"/>.</summary>
    public const string Announced = "announced";

    /// <summary>An item's list of speakers or floor changed, with its <see cref="Domain.Floor.FloorView"/>.</summary>
    public const string Floor = "floor";
}

/// <summary>
/// A chair's command through the hub's <c>Command</c> method: one record instead of a growing list of positional
/// arguments. <see cref="Kind"/> is "item" or "session"; <see cref="Action"/> the action's name as over REST (item: open,
/// continue, conclude, adopt, defer, reopen; session: start, suspend, resume, end). The idempotency key makes a retry safe;
/// <see cref="ExpectedVersion"/>, when given, refuses the command if the meeting moved on since the caller looked;
/// <see cref="SessionId"/> says in which sitting to act on an item when more than one could apply (null for session
/// commands); <see cref="ActorName"/> names who presides (as the X-Actor-Name header over REST); <see cref="Confirm"/> is
/// the confirmation a refusal asked for (<c>offDay</c>: start a sitting on a day other than its planned day), as
/// <c>?confirm=</c> over REST.
/// </summary>
public sealed record ChairCommand(
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

/// <summary>
/// Undo through the hub's <c>Undo</c> method, as <c>POST /api/meetings/{id}/undo</c>: takes back the latest item or
/// sitting change not yet undone; <see cref="Version"/>, when given, names it and is refused unless it is the latest.
/// </summary>
public sealed record UndoRequest(
    string MeetingId,
    string? ChairKey = null,
    string? IdempotencyKey = null,
    long? ExpectedVersion = null,
    long? Version = null,
    string? ActorName = null);

/// <summary>What a chair's command through the hub did: accepted (with the new version and its changes) or refused, with why.</summary>
/// <param name="Version">The meeting's version after the command; null when refused.</param>
/// <param name="Replayed">True when the same idempotency key was used before: the command was not applied twice.</param>
/// <param name="AppliedVersion">The version the command's changes have: for a replay, the version it was first applied at.</param>
public sealed record CommandReply(bool Accepted, long? Version, IReadOnlyList<LogEntry> Applied, bool Replayed, CommandProblem? Problem, long? AppliedVersion = null)
{
    public static CommandReply Refused(CommandProblem problem) => new(false, null, [], false, problem);
}

/// <summary>
/// A refused command in the same words as the REST API's problem details: <see cref="Type"/> is the problem type
/// (urn:meetingops:problem:wrong-key and so on), <see cref="Status"/> the HTTP status the API would answer,
/// <see cref="From"/> and <see cref="To"/> the move asked for when the move was illegal, <see cref="Code"/> the problem's
/// machine-readable code when it has one (for a confirmation needed: the confirmation to send, e.g. "offDay"),
/// <see cref="Text"/> the detail as a phrase code and its arguments, so a page says it in the viewer's language.
/// </summary>
public sealed record CommandProblem(string Type, string Title, int Status, string Detail, string? From = null, string? To = null, string? Code = null,
    ServerText? Text = null);

/// <summary>
/// A warning to the room that a capped sitting nears its cap ("announced"), pushed to the meeting's followers as it
/// comes; it changes nothing, so it carries no version of its own.
/// </summary>
public sealed record CapWarning(string MeetingId, string SessionId, int MinutesLeft, DateTimeOffset CapAt, string Message);
