using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Planning;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingOps.Grains;

/// <summary>
/// One sitting: watches its cap. A capped sitting is ended by MeetingOps when the cap is reached, with warnings 15
/// and 5 minutes before. The meeting tells it the watch one-way, by version; the watch is kept in the grain's state
/// and re-armed on activation, and the cap watch registry wakes the grain after a restart. Whether the sitting has
/// ended is the meeting's to say: at the cap this grain asks the meeting, which checks before it ends anything.
/// </summary>
public sealed class SessionGrain(
    [PersistentState("sitting", StorageNames.Meetings)] IPersistentState<SittingState> state,
    [FromKeyedServices(Clocks.Meeting)] TimeProvider time) : Grain, ISessionGrain
{
    private readonly List<ITimer> _timers = [];
    private IGrainTimer? _keepAlive;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Arm();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Disarm();
        return Task.CompletedTask;
    }

    public Task<SessionRecord> GetState() => Task.FromResult(new SessionRecord(state.State.CapWatch, state.State.Version));

    public async Task WatchCap(CapWatch? watch, long version)
    {
        if (version < state.State.Version || (watch == state.State.CapWatch && version == state.State.Version) || (watch is null && !state.RecordExists))
        {
            return; // older news, nothing new, or nothing to stop
        }
        var previous = (state.State.CapWatch, state.State.Version);
        var registryChanges = (watch is null) != (state.State.CapWatch is null);
        (state.State.CapWatch, state.State.Version) = (watch, version);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            (state.State.CapWatch, state.State.Version) = previous; // the meeting re-sends the watch when it next activates
            throw;
        }
        if (registryChanges)
        {
            await GrainFactory.GetGrain<ICapWatchRegistryGrain>(GrainKeys.CapWatchRegistry).Watch(this.GetPrimaryKeyString(), watch is not null);
        }
        Arm();
    }

    public Task Wake() => Task.CompletedTask;

    /// <summary>A timer says the cap (0) or a warning (15, 5) is due; check against the clock and the state before acting.</summary>
    public async Task CapDue(int minutesLeft)
    {
        if (state.State.CapWatch is not { } watch)
        {
            return;
        }
        var meeting = GrainFactory.GetGrain<IMeetingGrain>(watch.MeetingId);
        if (minutesLeft == 0 && time.GetUtcNow() >= watch.CapAt)
        {
            await meeting.EndAtCap(watch.SessionId);
        }
        else if (minutesLeft > 0 && time.GetUtcNow() < watch.CapAt)
        {
            await meeting.AnnounceCap(watch.SessionId, minutesLeft);
        }
    }

    /// <summary>
    /// Timers on the meeting clock (so tests drive them) for the cap and its warnings, plus a grain timer that keeps
    /// the activation alive while the sitting is watched: an idle sitting must not be collected before its cap.
    /// </summary>
    private void Arm()
    {
        Disarm();
        if (state.State.CapWatch is not { } watch)
        {
            return;
        }
        var self = this.AsReference<ISessionGrain>();
        var now = time.GetUtcNow();
        var cap = CapClock.At(watch.SessionId, watch.CapAt.AddMinutes(-watch.CapMinutes), watch.CapMinutes);
        foreach (var (minutes, due) in cap.Warnings.Select(w => (w.MinutesLeft, w.At)).Append((0, cap.CapAt)))
        {
            if (minutes > 0 && due <= now)
            {
                continue; // a warning whose moment has passed is not worth giving late
            }
            var left = minutes;
            _timers.Add(time.CreateTimer(_ => _ = self.CapDue(left), null, due > now ? due - now : TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        }
        _keepAlive = this.RegisterGrainTimer(static (grain, _) => grain.CapDue(0), this,
            new GrainTimerCreationOptions(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)) { KeepAlive = true, Interleave = false });
    }

    private void Disarm()
    {
        foreach (var timer in _timers)
        {
            timer.Dispose();
        }
        _timers.Clear();
        _keepAlive?.Dispose();
        _keepAlive = null;
    }
}

/// <summary>What a session grain keeps: the cap it watches (null: none) and the meeting version that said so.</summary>
public sealed class SittingState
{
    public CapWatch? CapWatch { get; set; }

    public long Version { get; set; }
}
