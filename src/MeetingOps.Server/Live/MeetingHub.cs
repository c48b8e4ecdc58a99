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
public sealed class MeetingHub(IGrainFactory grains, GrainCalls calls) : Hub
{
    public const string Path = "/hubs/meetings";

    /// <summary>The client method every push calls, with one <see cref="MeetingChanged"/>.</summary>
    public const string ChangedMethod = "changed";

    /// <summary>The client method a cap warning calls, with one <see cref="CapWarning"/>.</summary>
    public const string AnnouncedMethod = "announced";

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
    /// A chair's command: <paramref name="kind"/> "item" or "session", the item's or sitting's id and the action
    /// (item: open, continue, conclude, adopt, defer, reopen; session: start, suspend, resume, end).
    /// The idempotency key makes a retry safe; <paramref name="expectedVersion"/>, when given, refuses the command
    /// if the meeting moved on since the caller looked; <paramref name="sessionId"/> says in which sitting to act on an
    /// item when more than one could apply (null for session commands). Refusals come back as a <see cref="CommandReply"/> with the
    /// REST API's problem (wrong key, illegal transition and so on); nothing changes on a refusal.
    /// </summary>
    public Task<CommandReply> Command(string meetingId, string? chairKey, string kind, string id, string action,
        string? idempotencyKey, long? expectedVersion, string? sessionId) =>
        CommandAs(meetingId, chairKey, kind, id, action, idempotencyKey, expectedVersion, sessionId, actorName: null);

    /// <summary>
    /// Undo, as <c>POST /api/meetings/{id}/undo</c>: takes back the latest item or sitting change not yet undone;
    /// <paramref name="version"/>, when given, names it and is refused unless it is the latest.
    /// </summary>
    public Task<CommandReply> Undo(string meetingId, string? chairKey, string? idempotencyKey, long? expectedVersion, long? version, string? actorName) =>
        Send(meetingId, new CommandEnvelope(chairKey, idempotencyKey, expectedVersion, actorName, null, null, new UndoCommand(version)));

    /// <summary>
    /// A command as <see cref="Command"/>, naming who presides (<paramref name="actorName"/>, as the X-Actor-Name header does over REST).
    /// </summary>
    public Task<CommandReply> CommandAs(string meetingId, string? chairKey, string kind, string id, string action,
        string? idempotencyKey, long? expectedVersion, string? sessionId, string? actorName) =>
        Decide(meetingId, chairKey, kind, id, action, idempotencyKey, expectedVersion, sessionId, actorName, confirm: null);

    /// <summary>
    /// A command as one <see cref="HubCommand"/> record, which also carries a confirmation a refusal asked for
    /// (<c>confirm: "offDay"</c> to start a sitting on a day other than its planned day).
    /// </summary>
    public Task<CommandReply> Act(HubCommand command)
    {
        if (command is null)
        {
            return Task.FromResult(Invalid("A command names its meeting, kind, id and action."));
        }
        return Decide(command.MeetingId, command.ChairKey, command.Kind, command.Id, command.Action, command.IdempotencyKey,
            command.ExpectedVersion, command.SessionId, command.ActorName, command.Confirm);
    }

    private async Task<CommandReply> Decide(string meetingId, string? chairKey, string kind, string id, string action,
        string? idempotencyKey, long? expectedVersion, string? sessionId, string? actorName, string? confirm)
    {
        RequireMeetingId(meetingId);
        if (confirm is not null && (kind != "session" || confirm != SessionCommand.OffDay))
        {
            return Invalid($"Unknown confirmation \"{confirm}\"; the one there is, {SessionCommand.OffDay}, confirms a session command.");
        }
        if (string.IsNullOrEmpty(id) || id.Length > MaxIdLength)
        {
            return Invalid($"The {kind} id must be 1–{MaxIdLength} characters.");
        }
        CommandEnvelope envelope;
        switch (kind)
        {
            case "item" when TryParse<ItemAction>(action, out var itemAction):
                envelope = new CommandEnvelope(chairKey, idempotencyKey, expectedVersion, actorName, new ItemCommand(id, itemAction, sessionId), null);
                break;
            case "item":
                return Invalid($"Unknown item action \"{action}\"; one of {Names<ItemAction>()}.");
            case "session" when sessionId is not null:
                return Invalid("A session command names the session as its id; leave sessionId empty.");
            case "session" when TryParse<SessionAction>(action, out var sessionAction):
                // The hub only carries the confirmation; whether a start needs it is the meeting's rule, decided in the grain.
                envelope = new CommandEnvelope(chairKey, idempotencyKey, expectedVersion, actorName, null,
                    new SessionCommand(id, sessionAction, ConfirmOffDay: confirm is not null));
                break;
            case "session":
                return Invalid($"Unknown session action \"{action}\"; one of {Names<SessionAction>()}.");
            default:
                return Invalid("A command is on an \"item\" or a \"session\".");
        }
        return await Send(meetingId, envelope);
    }

    /// <summary>
    /// The hub methods that change a meeting: the limits count and answer them as commands (a reply with a 429, not a
    /// thrown error), so a command sent through any of them is limited alike.
    /// </summary>
    public static bool IsCommand(string hubMethodName) =>
        hubMethodName is nameof(Command) or nameof(CommandAs) or nameof(Undo) or nameof(Act);

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
        "The meetings cluster or its storage is not answering just now. The command either happened whole or not at all: send it again with the same idempotency key in a few seconds.");

    private static CommandReply Invalid(string detail) => CommandReply.Refused(ProblemOf(new Refusal(RefusalKind.Invalid, detail)));

    private static void RequireMeetingId(string meetingId)
    {
        if (meetingId is null || !MeetingsApi.IsMeetingId(meetingId))
        {
            throw new HubException($"There is no meeting \"{meetingId}\".");
        }
    }

    private static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        return text is { Length: > 0 and <= 20 } && text.All(char.IsAsciiLetter) && Enum.TryParse(text, ignoreCase: true, out value);
    }

    private static string Names<T>() where T : struct, Enum => string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));
}
