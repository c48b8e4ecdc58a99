using MeetingOps.Domain;

namespace MeetingOps.Server.Live;

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
/// machine-readable code when it has one (for a confirmation needed: the confirmation to send, e.g. "offDay").
/// </summary>
public sealed record CommandProblem(string Type, string Title, int Status, string Detail, string? From = null, string? To = null, string? Code = null,
    ServerText? Text = null);

/// <summary>
/// A warning to the room that a capped sitting nears its cap ("announced"), pushed to the meeting's followers as it
/// comes; it changes nothing, so it carries no version of its own.
/// </summary>
public sealed record CapWarning(string MeetingId, string SessionId, int MinutesLeft, DateTimeOffset CapAt, string Message);
