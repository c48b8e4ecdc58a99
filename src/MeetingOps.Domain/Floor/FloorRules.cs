namespace MeetingOps.Domain.Floor;

/// <summary>What can be done with a list of speakers.</summary>
public enum FloorAction
{
    /// <summary>A delegation asks for the floor (or the chair or secretariat inscribes one).</summary>
    Request,
    /// <summary>A delegation withdraws its own request.</summary>
    Withdraw,
    /// <summary>The chair gives the floor to the first on the list.</summary>
    Next,
    /// <summary>The chair gives the floor to a chosen delegation (on the list or not).</summary>
    Give,
    /// <summary>The chair moves a request to another place.</summary>
    Move,
    /// <summary>The chair takes a request off the list.</summary>
    Remove,
    /// <summary>"The list of speakers is closed": later requests are refused.</summary>
    Close,
    Reopen,
    /// <summary>The statement timer stops (and starts again on resume); the speaker keeps the floor.</summary>
    Pause,
    Resume,
    /// <summary>The speaker has finished: nobody has the floor.</summary>
    Finish,
    /// <summary>The statement limit for this item (null: the meeting's).</summary>
    Limit,
}

/// <summary>Who acts on the floor: the chair, the secretariat (organizer key), or one delegation with its own key.</summary>
public enum FloorRole
{
    Chair,
    Organizer,
    Delegation,
}

public sealed record FloorActor(FloorRole Role, string? DelegationId = null, string? Name = null)
{
    public override string ToString() => Role switch
    {
        FloorRole.Delegation => $"delegation ({DelegationId})",
        _ => Name is null ? MeetingOpsJson.Name(Role) : $"{MeetingOpsJson.Name(Role)} ({Name})",
    };
}

/// <summary>One command on the list of speakers of an item.</summary>
/// <param name="Position">For <see cref="FloorAction.Move"/>: the new place, 1 being the top.</param>
public sealed record FloorCommand(
    FloorAction Action,
    string? DelegationId = null,
    FloorRequestKind? Kind = null,
    int? Position = null,
    int? LimitSeconds = null);

/// <summary>What a command did, as the log says it.</summary>
public sealed record FloorChange(FloorAction Action, string? DelegationId, FloorRequestKind? Kind, string Note);

public sealed record FloorDecision(FloorState? State, FloorChange? Change, Refusal? Refusal)
{
    public static implicit operator FloorDecision(Refusal refusal) => new(null, null, refusal);
}

/// <summary>
/// The rules of the list of speakers, pure: points of order to the top, rights of reply to the end, one open
/// request per delegation and kind, a delegation acts only for itself and never gives the floor.
/// </summary>
public static class FloorRules
{
    public const int MinLimitSeconds = 10;
    public const int MaxLimitSeconds = 3600;

    /// <summary>A statement limit shows its warning this many seconds before the end.</summary>
    public const int WarningSeconds = 30;

    public static FloorDecision Decide(FloorState state, FloorCommand command, FloorActor actor,
        IReadOnlyList<Delegation> delegations, int? meetingLimitSeconds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(delegations);
        var byDelegation = actor.Role == FloorRole.Delegation;
        if (byDelegation && command.Action is not (FloorAction.Request or FloorAction.Withdraw))
        {
            return new Refusal(RefusalKind.Forbidden, "A delegation's key can request the floor and withdraw its own request; giving the floor and ordering the list are the chair's.",
                Text: ServerPhrases.FloorDelegationKeyOnly.With());
        }
        var delegationId = command.DelegationId ?? (byDelegation ? actor.DelegationId : null);
        if (byDelegation && delegationId != actor.DelegationId)
        {
            return new Refusal(RefusalKind.Forbidden, $"This key is the key of delegation \"{actor.DelegationId}\"; it cannot act for \"{delegationId}\".",
                Text: ServerPhrases.FloorOtherDelegation.With(("keyDelegation", actor.DelegationId), ("delegation", delegationId)));
        }
        Delegation? delegation = null;
        if (delegationId is not null)
        {
            delegation = delegations.FirstOrDefault(d => d.Id == delegationId);
            if (delegation is null)
            {
                return new Refusal(RefusalKind.NotFound, $"This meeting has no delegation \"{delegationId}\".",
                    Text: ServerPhrases.DelegationNotFound.With(("delegation", delegationId)));
            }
        }
        else if (command.Action is FloorAction.Request or FloorAction.Withdraw or FloorAction.Give or FloorAction.Move or FloorAction.Remove)
        {
            return new Refusal(RefusalKind.Invalid, $"{MeetingOpsJson.Name(command.Action)}: say which delegation (\"delegation\").",
                Text: ServerPhrases.FloorWhichDelegation.With(("action", command.Action)));
        }

        switch (command.Action)
        {
            case FloorAction.Request:
            {
                var kind = command.Kind ?? FloorRequestKind.Statement;
                if (state.Closed && kind == FloorRequestKind.Statement)
                {
                    return new Refusal(RefusalKind.IllegalTransition, "The list of speakers is closed: no more requests for statements are taken on this item.",
                        Text: ServerPhrases.FloorListClosed.With());
                }
                if (state.Queue.Any(r => r.DelegationId == delegationId && r.Kind == kind))
                {
                    return new Refusal(RefusalKind.Conflict, $"{delegation!.Name} already has a request for {Words(kind)} on this item.",
                        Text: ServerPhrases.FloorAlreadyRequested.With(("delegation", delegationId), ("kind", kind)));
                }
                var request = new FloorRequest(delegationId!, kind, now);
                var queue = Insert(state.Queue, request);
                var place = queue.ToList().IndexOf(request) + 1;
                return new FloorDecision(state with { Queue = queue }, new FloorChange(FloorAction.Request, delegationId, kind,
                    $"{delegation!.Name} {(byDelegation ? "asked" : "was inscribed")} for {Words(kind)}; place {place}"), null);
            }
            case FloorAction.Withdraw:
            case FloorAction.Remove:
            {
                var index = Find(state.Queue, delegationId!, command.Kind);
                if (index < 0)
                {
                    return new Refusal(RefusalKind.NotFound, $"{delegation!.Name} has no request{(command.Kind is { } k ? $" for {Words(k)}" : "")} on the list of this item.",
                        Text: command.Kind is { } asked
                            ? ServerPhrases.FloorNoRequestOfKind.With(("delegation", delegationId), ("kind", asked))
                            : ServerPhrases.FloorNoRequest.With(("delegation", delegationId)));
                }
                var removed = state.Queue[index];
                return new FloorDecision(state with { Queue = Without(state.Queue, index) }, new FloorChange(command.Action, delegationId, removed.Kind,
                    command.Action == FloorAction.Withdraw ? $"{delegation!.Name} withdrew its request for {Words(removed.Kind)}" : $"{delegation!.Name} was taken off the list"), null);
            }
            case FloorAction.Next:
            {
                if (state.Queue.Count == 0)
                {
                    return new Refusal(RefusalKind.IllegalTransition, "The list of speakers is empty: there is nobody to give the floor to.",
                        Text: ServerPhrases.FloorListEmpty.With());
                }
                return GiveTo(state, 0, state.Queue[0], delegations, meetingLimitSeconds, now);
            }
            case FloorAction.Give:
            {
                var index = Find(state.Queue, delegationId!, command.Kind);
                var request = index >= 0 ? state.Queue[index] : new FloorRequest(delegationId!, command.Kind ?? FloorRequestKind.Statement, now);
                return GiveTo(state, index, request, delegations, meetingLimitSeconds, now);
            }
            case FloorAction.Move:
            {
                var index = Find(state.Queue, delegationId!, command.Kind);
                if (index < 0)
                {
                    return new Refusal(RefusalKind.NotFound, $"{delegation!.Name} is not on the list of this item.",
                        Text: ServerPhrases.FloorNotOnList.With(("delegation", delegationId)));
                }
                if (command.Position is not { } position || position < 1 || position > state.Queue.Count)
                {
                    return new Refusal(RefusalKind.Invalid, $"position: a place from 1 to {state.Queue.Count}.",
                        Text: ServerPhrases.FloorPositionRange.With(("max", state.Queue.Count)));
                }
                var request = state.Queue[index];
                var queue = Without(state.Queue, index).ToList();
                queue.Insert(position - 1, request);
                return new FloorDecision(state with { Queue = queue }, new FloorChange(FloorAction.Move, delegationId, request.Kind,
                    $"{delegation!.Name} moved to place {position}"), null);
            }
            case FloorAction.Close:
            case FloorAction.Reopen:
            {
                var close = command.Action == FloorAction.Close;
                if (state.Closed == close)
                {
                    return new Refusal(RefusalKind.IllegalTransition, close ? "The list of speakers is already closed." : "The list of speakers is open.",
                        Text: (close ? ServerPhrases.FloorAlreadyClosed : ServerPhrases.FloorAlreadyOpen).With());
                }
                return new FloorDecision(state with { Closed = close }, new FloorChange(command.Action, null, null,
                    close ? "The list of speakers was closed" : "The list of speakers was reopened"), null);
            }
            case FloorAction.Pause:
            case FloorAction.Resume:
            case FloorAction.Finish:
            {
                if (state.Speaking is not { } speaker)
                {
                    return new Refusal(RefusalKind.IllegalTransition, "Nobody has the floor.", Text: ServerPhrases.FloorNobodySpeaking.With());
                }
                var name = NameOf(delegations, speaker.DelegationId);
                switch (command.Action)
                {
                    case FloorAction.Pause when speaker.PausedAt is not null:
                        return new Refusal(RefusalKind.IllegalTransition, "The statement timer is already paused.", Text: ServerPhrases.FloorTimerPaused.With());
                    case FloorAction.Pause:
                        return new FloorDecision(state with { Speaking = speaker with { PausedAt = now } },
                            new FloorChange(FloorAction.Pause, speaker.DelegationId, speaker.Kind, $"Timer paused for {name}"), null);
                    case FloorAction.Resume when speaker.PausedAt is null:
                        return new Refusal(RefusalKind.IllegalTransition, "The statement timer is running.", Text: ServerPhrases.FloorTimerRunning.With());
                    case FloorAction.Resume:
                        return new FloorDecision(state with { Speaking = speaker with { PausedAt = null, PausedSeconds = speaker.PausedSeconds + Math.Max(0, (now - speaker.PausedAt.Value).TotalSeconds) } },
                            new FloorChange(FloorAction.Resume, speaker.DelegationId, speaker.Kind, $"Timer resumed for {name}"), null);
                    default:
                        return new FloorDecision(state with { Speaking = null },
                            new FloorChange(FloorAction.Finish, speaker.DelegationId, speaker.Kind, $"{name} finished ({Math.Round(speaker.UsedSeconds(now))} s)"), null);
                }
            }
            case FloorAction.Limit:
            {
                if (command.LimitSeconds is { } limit && limit is < MinLimitSeconds or > MaxLimitSeconds)
                {
                    return new Refusal(RefusalKind.Invalid, $"limitSeconds: from {MinLimitSeconds} to {MaxLimitSeconds}, or null for the meeting's limit.",
                        Text: ServerPhrases.FloorLimitRange.With(("minSeconds", MinLimitSeconds), ("maxSeconds", MaxLimitSeconds)));
                }
                var effective = command.LimitSeconds ?? meetingLimitSeconds;
                return new FloorDecision(state with
                {
                    LimitSeconds = command.LimitSeconds,
                    Speaking = state.Speaking is { } s ? s with { LimitSeconds = effective } : null,
                }, new FloorChange(FloorAction.Limit, null, null, effective is { } e ? $"Statements limited to {e} s" : "No limit on statements"), null);
            }
            default:
                return new Refusal(RefusalKind.Invalid, "Unknown floor command.", Text: ServerPhrases.UnknownCommand.With());
        }
    }

    /// <summary>Where a new request goes: points of order after the points of order at the top, statements before the rights of reply, rights of reply last.</summary>
    public static IReadOnlyList<FloorRequest> Insert(IReadOnlyList<FloorRequest> queue, FloorRequest request)
    {
        var list = queue.ToList();
        var index = request.Kind switch
        {
            FloorRequestKind.PointOfOrder => list.TakeWhile(r => r.Kind == FloorRequestKind.PointOfOrder).Count(),
            FloorRequestKind.Statement => list.FindIndex(r => r.Kind == FloorRequestKind.RightOfReply) is var i and >= 0 ? i : list.Count,
            _ => list.Count,
        };
        list.Insert(index, request);
        return list;
    }

    public static string Words(FloorRequestKind kind) => kind switch
    {
        FloorRequestKind.PointOfOrder => "a point of order",
        FloorRequestKind.RightOfReply => "the right of reply",
        _ => "a statement",
    };

    /// <summary>The statement timer as the pages show it.</summary>
    public static (bool Warning, bool TimeUp) Timer(Speaker speaker, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(speaker);
        return speaker.LeftSeconds(now) is { } left ? (left <= WarningSeconds && left > 0, left <= 0) : (false, false);
    }

    private static FloorDecision GiveTo(FloorState state, int index, FloorRequest request, IReadOnlyList<Delegation> delegations, int? meetingLimitSeconds, DateTimeOffset now)
    {
        var limit = state.LimitSeconds ?? meetingLimitSeconds;
        var queue = index >= 0 ? Without(state.Queue, index) : state.Queue;
        var name = NameOf(delegations, request.DelegationId);
        var previous = state.Speaking is { } before ? $"; {NameOf(delegations, before.DelegationId)} finished ({Math.Round(before.UsedSeconds(now))} s)" : "";
        return new FloorDecision(
            state with { Speaking = new Speaker(request.DelegationId, request.Kind, now, limit), Queue = queue, Spoke = [.. state.Spoke, request with { At = now }] },
            new FloorChange(index == 0 ? FloorAction.Next : FloorAction.Give, request.DelegationId, request.Kind, $"The floor was given to {name} for {Words(request.Kind)}{previous}"),
            null);
    }

    private static int Find(IReadOnlyList<FloorRequest> queue, string delegationId, FloorRequestKind? kind)
    {
        for (var i = 0; i < queue.Count; i++)
        {
            if (queue[i].DelegationId == delegationId && (kind is null || queue[i].Kind == kind))
            {
                return i;
            }
        }
        return -1;
    }

    private static IReadOnlyList<FloorRequest> Without(IReadOnlyList<FloorRequest> queue, int index) => [.. queue.Take(index), .. queue.Skip(index + 1)];

    private static string NameOf(IReadOnlyList<Delegation> delegations, string id) => delegations.FirstOrDefault(d => d.Id == id)?.Name ?? id;
}
