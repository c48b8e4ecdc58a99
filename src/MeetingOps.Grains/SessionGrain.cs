using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Planning;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingOps.Grains;

/// <summary>
/// One sitting: applies the changes its meeting drives, once each, and watches its cap. A capped sitting is
/// ended by MeetingOps when the cap is reached, with warnings 15 and 5 minutes before. The watch is kept in the
/// grain's state and re-armed on activation, and the cap watch registry wakes the grain after a restart.
/// </summary>
public sealed class SessionGrain(
    [PersistentState("session", StorageNames.Meetings)] IPersistentState<ChildState> state,
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

    public async Task Apply(LogEntry change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Version <= state.State.LastVersion || change.Subject != ChangeSubject.Session)
        {
            return;
        }
        var session = Current().Apply(change);
        var previous = state.State.Copy();
        state.State.Status = MeetingOpsJson.Name(session.Status);
        state.State.StartedAt = session.StartedAt;
        state.State.EndedAt = session.EndedAt;
        state.State.LastVersion = change.Version;
        state.State.History.Add(change);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = previous;
            throw;
        }
        Arm();
    }

    public Task<SessionRecord> GetState()
    {
        var s = Current();
        return Task.FromResult(new SessionRecord(s.Status, s.StartedAt, s.EndedAt, state.State.LastVersion, state.State.History.ToList(), state.State.CapWatch));
    }

    public async Task WatchCap(CapWatch? watch)
    {
        if (watch == state.State.CapWatch || (watch is not null && Current().Status == SessionStatus.Ended))
        {
            return;
        }
        state.State.CapWatch = watch;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICapWatchRegistryGrain>(GrainKeys.CapWatchRegistry).Watch(this.GetPrimaryKeyString(), watch is not null);
        Arm();
    }

    public Task Wake() => Task.CompletedTask;

    /// <summary>A timer says the cap (0) or a warning (15, 5) is due; check against the clock and the state before acting.</summary>
    public async Task CapDue(int minutesLeft)
    {
        if (state.State.CapWatch is not { } watch || Current().Status == SessionStatus.Ended)
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
        if (state.State.CapWatch is not { } watch || Current().Status == SessionStatus.Ended)
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

    private SessionState Current() => state.State.Status.Length == 0
        ? SessionState.Initial
        : new SessionState(Enum.Parse<SessionStatus>(state.State.Status, ignoreCase: true), state.State.StartedAt, state.State.EndedAt);
}
