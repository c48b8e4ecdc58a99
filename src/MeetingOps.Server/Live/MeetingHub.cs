using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Server.Api;
using MeetingOps.Server.Hosting;
using Microsoft.AspNetCore.SignalR;

namespace MeetingOps.Server.Live;

/// <summary>
/// The live hub at <c>/hubs/meetings</c>. Anyone may follow a meeting (room screens, participants); acting on it
/// needs the chair key, which the hub passes to the meeting grain untouched: the grain checks it on every command,
/// so a connection without the key cannot act, whatever it invokes.
/// </summary>
/// <remarks>
/// The pushes go through the typed client <see cref="IMeetingClient"/>; the requests and answers are the records in
/// MeetingOps.Contracts (<see cref="ChairCommand"/>, <see cref="UndoRequest"/>, <see cref="CommandReply"/>).
/// </remarks>
public sealed class MeetingHub(IGrainFactory grains, GrainCalls calls) : Hub<IMeetingClient>
{
    public const string Path = "/hubs/meetings";

    /// <summary>The longest item or sitting id a command may name (the meeting's own id is a <see cref="MeetingId"/>, at most <see cref="MeetingId.MaxLength"/>).</summary>
    public const int MaxIdLength = 200;

    public static string GroupOf(string meetingId) => $"meeting:{meetingId}";

    /// <summary>
    /// Joins the meeting's group and returns its snapshot. The group is joined first, so no change can fall between
    /// the snapshot and the first push: pushes at or below the snapshot's version are simply older news.
    /// Calling it again (after a gap or a reconnect) is how a client resyncs.
    /// </summary>
    public async Task<MeetingView> Follow(string meetingId)
    {
        RequireMeetingId(meetingId);
        MeetingView? snapshot;
        try
        {
            // In a cluster joining a group subscribes on the Redis backplane, which can be down too.
            await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(meetingId), Context.ConnectionAborted);
            snapshot = await calls.Read(() => grains.GetGrain<IMeetingGrain>(meetingId).GetSnapshot(), Context.ConnectionAborted);
        }
        catch (Exception e) when (Transient.Is(e))
        {
            throw new HubException(Unavailable.Detail);
        }
        if (snapshot is null)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(meetingId));
            throw new HubException($"There is no meeting \"{meetingId}\".");
        }
        return snapshot;
    }

    /// <summary>Stops the pushes of one meeting to this connection.</summary>
    public Task Unfollow(string meetingId)
    {
        RequireMeetingId(meetingId);
        return Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(meetingId));
    }

    /// <summary>
    /// A chair's command, as one <see cref="ChairCommand"/> (see there for its fields). Refusals come back as a
    /// <see cref="CommandReply"/> with the REST API's problem (wrong key, illegal transition and so on); nothing changes on
    /// a refusal.
    /// </summary>
    public Task<CommandReply> Command(ChairCommand command)
    {
        if (command is null)
        {
            return Task.FromResult(Invalid("A command names its meeting, kind, id and action.", ServerPhrases.CommandIncomplete.With()));
        }
        return Decide(command.MeetingId, command.ChairKey, command.Kind, command.Id, command.Action, command.IdempotencyKey,
            command.ExpectedVersion, command.SessionId, command.ActorName, command.Confirm);
    }

    /// <summary>
    /// Undo, as <c>POST /api/meetings/{id}/undo</c>, as one <see cref="UndoRequest"/>: takes back the latest item or
    /// sitting change not yet undone; its version, when given, names it and is refused unless it is the latest.
    /// </summary>
    public Task<CommandReply> Undo(UndoRequest request)
    {
        if (request is null)
        {
            return Task.FromResult(Invalid("An undo names its meeting.", ServerPhrases.UndoNoMeeting.With()));
        }
        return Send(request.MeetingId, new CommandEnvelope(request.ChairKey, request.IdempotencyKey, request.ExpectedVersion, request.ActorName,
            null, null, new UndoCommand(request.Version)));
    }

    private async Task<CommandReply> Decide(string meetingId, string? chairKey, string kind, string id, string action,
        string? idempotencyKey, long? expectedVersion, string? sessionId, string? actorName, string? confirm)
    {
        RequireMeetingId(meetingId);
        if (confirm is not null && (kind != "session" || confirm != SessionCommand.OffDay))
        {
            return Invalid($"Unknown confirmation \"{confirm}\"; the one there is, {SessionCommand.OffDay}, confirms a session command.",
                ServerPhrases.CommandUnknownConfirmation.With(("found", confirm), ("known", SessionCommand.OffDay)));
        }
        if (string.IsNullOrEmpty(id) || id.Length > MaxIdLength)
        {
            return Invalid($"The {kind} id must be 1–{MaxIdLength} characters.", ServerPhrases.CommandIdLength.With(("count", MaxIdLength)));
        }
        CommandEnvelope envelope;
        switch (kind)
        {
            case "item" when ChairActions.TryParse(action, out ItemAction itemAction):
                envelope = new CommandEnvelope(chairKey, idempotencyKey, expectedVersion, actorName, new ItemCommand(id, itemAction, sessionId), null);
                break;
            case "item":
                return Invalid(ChairActions.UnknownItemAction(action), ChairActions.UnknownActionText(action));
            case "session" when sessionId is not null:
                return Invalid("A session command names the session as its id; leave sessionId empty.", ServerPhrases.CommandSessionIdExtra.With());
            case "session" when ChairActions.TryParse(action, out SessionAction sessionAction):
                // The hub only carries the confirmation; whether a start needs it is the meeting's rule, decided in the grain.
                envelope = new CommandEnvelope(chairKey, idempotencyKey, expectedVersion, actorName, null,
                    new SessionCommand(id, sessionAction, ConfirmOffDay: confirm is not null));
                break;
            case "session":
                return Invalid(ChairActions.UnknownSessionAction(action), ChairActions.UnknownActionText(action));
            default:
                return Invalid("A command is on an \"item\" or a \"session\".", ServerPhrases.CommandItemOrSession.With());
        }
        return await Send(meetingId, envelope);
    }

    /// <summary>
    /// The hub methods that change a meeting: the limits count and answer them as commands (a reply with a 429, not a
    /// thrown error), so a command sent through any of them is limited alike.
    /// </summary>
    public static bool IsCommand(string hubMethodName) =>
        hubMethodName is nameof(Command) or nameof(Undo);

    private async Task<CommandReply> Send(string meetingId, CommandEnvelope envelope)
    {
        RequireMeetingId(meetingId);
        CommandOutcome outcome;
        try
        {
            // Retried on a passing cluster failure only with an idempotency key, as over REST.
            outcome = await calls.Command(envelope.IdempotencyKey, () => grains.GetGrain<IMeetingGrain>(meetingId).Execute(envelope), Context.ConnectionAborted);
        }
        catch (Exception e) when (Transient.Is(e))
        {
            return CommandReply.Refused(Unavailable);
        }
        return outcome.Refusal is { } refusal
            ? CommandReply.Refused(ProblemOf(refusal))
            : new CommandReply(true, outcome.Snapshot!.Version, outcome.Applied, outcome.Replayed, null, CommandsApi.AppliedVersion(outcome));
    }

    /// <summary>The refusal in the REST API's words (same problem type, title, status and detail).</summary>
    public static CommandProblem ProblemOf(Refusal refusal)
    {
        var details = Problems.From(refusal).ProblemDetails;
        return new CommandProblem(details.Type!, details.Title!, details.Status!.Value, details.Detail!, refusal.From, refusal.To, refusal.Code, refusal.Text);
    }

    /// <summary>The cluster or its storage did not answer: as the REST API's 503.</summary>
    public static readonly CommandProblem Unavailable = new("urn:meetingops:problem:unavailable", "Service unavailable",
        StatusCodes.Status503ServiceUnavailable,
        "The meetings cluster or its storage is not answering just now. The command either happened whole or not at all: send it again with the same idempotency key in a few seconds.",
        Text: ServerPhrases.HostUnavailableSoon.With());

    private static CommandReply Invalid(string detail, ServerText text) => CommandReply.Refused(ProblemOf(new Refusal(RefusalKind.Invalid, detail, Text: text)));

    private static void RequireMeetingId(string meetingId)
    {
        if (!MeetingId.IsValid(meetingId))
        {
            throw new HubException($"There is no meeting \"{meetingId}\".");
        }
    }
}
