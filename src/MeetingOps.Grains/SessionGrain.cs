using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Planning;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingOps.Grains;

/// <summary>
/// One sitting: its clock and its cap. The meeting tells it, one-way and by version, where the sitting stands (its
/// status, when it started, its booked slot, the cap to watch); it keeps that in its own state and watches the cap:
/// warnings 15 and 5 minutes before, and at the cap it asks the meeting to end the sitting. Whether the sitting is
/// still going is the meeting's to say: the meeting checks before it ends or announces anything.
/// </summary>
public sealed class SessionGrain(
    [PersistentState("sitting", StorageNames.Meetings)] IPersistentState<SittingState> state,
    [FromKeyedServices(Clocks.Meeting)] TimeProvider time) : Grain, ISessionGrain
{
    private readonly List<ITimer> _timers = [];
    private IGrainTimer? _keepAlive;

    private CapWatch? Watch => state.State.News is { Status: not SessionStatus.Ended, CapWatch: { } watch } ? watch : null;

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

    public Task<SessionRecord> GetState() => Task.FromResult(new SessionRecord(state.State.News));

    public async Task Hear(SittingNews news)
    {
        ArgumentNullException.ThrowIfNull(news);
        var heard = state.State.News;
        if (heard is not null && news.Version <= heard.Version)
        {
            return; // older news (overtaken on the way), or the same version told again when the meeting re-activated
        }
        if (heard is null && news.CapWatch is null && news.Status != SessionStatus.InProgress && news.Status != SessionStatus.Suspended)
        {
            return; // nothing to keep: a sitting this grain never watched, still not started or over
        }
        var watchedBefore = Watch is not null;
        state.State.News = news;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.News = heard; // the meeting tells it again when it next activates
            throw;
        }
        if (watchedBefore != (Watch is not null))
        {
            await GrainFactory.GetGrain<ICapWatchRegistryGrain>(GrainKeys.CapWatchRegistry).Watch(this.GetPrimaryKeyString(), Watch is not null);
        }
        Arm();
    }

    public Task Wake() => Task.CompletedTask;

    /// <summary>A timer says the cap (0) or a warning (15, 5) is due; check against the clock and the state before acting.</summary>
    public async Task CapDue(int minutesLeft)
    {
        if (Watch is not { } watch)
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
        if (Watch is not { } watch)
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

/// <summary>What a session grain keeps: the last news of its sitting the meeting gave it (null: none yet).</summary>
public sealed class SittingState
{
    public SittingNews? News { get; set; }
}
