using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Planning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MeetingOps.Grains;

/// <summary>
/// One sitting: its clock and its cap. The meeting tells it, one-way and by version, where the sitting stands (its
/// status, when it started, its booked slot, the cap to watch); it keeps that in its own state and watches the cap:
/// warnings 15 and 5 minutes before, and at the cap it asks the meeting to end the sitting. Whether the sitting is
/// still going is the meeting's to say: the meeting checks before it ends or announces anything.
/// </summary>
/// <remarks>
/// Two clocks. An Orleans reminder (durable: the SQLite store's reminder table on one host, Redis in a cluster) ticks
/// every <see cref="CapWatchOptions.ReminderPeriod"/> while the cap is watched: it wakes the grain after a restart or
/// on a surviving host after a host is lost, keeps it from being collected before its cap, and ends the sitting if the
/// cap has passed. Timers on the meeting clock give the warnings and the end on the minute while the grain is active;
/// in tests that clock is fake, so the tests drive them (and shorten the reminder period) without waiting.
/// </remarks>
public sealed class SessionGrain(
    [PersistentState("sitting", StorageNames.Meetings)] IPersistentState<SittingState> state,
    [FromKeyedServices(Clocks.Meeting)] TimeProvider time,
    IOptions<CapWatchOptions> options) : Grain, ISessionGrain, IRemindable
{
    public const string CapReminder = "cap-watch";

    private readonly List<ITimer> _timers = [];
    private bool? _reminding;

    private CapWatch? Watch => state.State.News is { Status: not SessionStatus.Ended, CapWatch: { } watch } ? watch : null;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Arm();
        if (Watch is not null)
        {
            await KeepReminder(); // registered already, unless a write of it failed: then now
        }
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
        Arm();
        await KeepReminder();
    }

    /// <summary>The reminder's tick: the grain is awake (its timers armed on activation); end the sitting if its cap has passed.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != CapReminder)
        {
            return;
        }
        if (Watch is null)
        {
            await KeepReminder(); // nothing watched any more: the reminder goes
            return;
        }
        await CapDue(0);
    }

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

    /// <summary>A reminder while the cap is watched, none otherwise.</summary>
    private async Task KeepReminder()
    {
        var watching = Watch is not null;
        if (_reminding == watching)
        {
            return;
        }
        if (watching)
        {
            var period = options.Value.ReminderPeriod;
            await this.RegisterOrUpdateReminder(CapReminder, period, period);
        }
        else if (await this.GetReminder(CapReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        _reminding = watching;
    }

    /// <summary>Timers on the meeting clock (so tests drive them) for the cap and its warnings, given on the minute.</summary>
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
    }

    private void Disarm()
    {
        foreach (var timer in _timers)
        {
            timer.Dispose();
        }
        _timers.Clear();
    }
}

/// <summary>What a session grain keeps: the last news of its sitting the meeting gave it (null: none yet).</summary>
public sealed class SittingState
{
    public SittingNews? News { get; set; }
}
