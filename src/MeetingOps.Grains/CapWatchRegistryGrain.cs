using MeetingOps.Contracts;
using Microsoft.Extensions.Options;

namespace MeetingOps.Grains;

/// <summary>
/// The sittings whose caps are watched. Timers die with their silo; this list does not, so a silo that starts
/// wakes every watched sitting, which re-arms its timers (or ends at once when the cap passed while it was down).
/// In a cluster (<see cref="CapWatchOptions.DurableWakeUp"/>) a reminder also wakes them every minute while any is
/// watched, on whichever host holds the registry, so the loss of a host that is never restarted is healed too.
/// </summary>
public sealed class CapWatchRegistryGrain(
    [PersistentState("capwatch", StorageNames.Meetings)] IPersistentState<CapWatchRegistryState> state,
    IOptions<CapWatchOptions> options) : Grain, ICapWatchRegistryGrain, IRemindable
{
    public const string WakeReminder = "wake-watched-sittings";

    private static readonly TimeSpan WakePeriod = TimeSpan.FromMinutes(1);

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => await KeepReminder();

    public async Task Watch(string sessionGrainKey, bool watching)
    {
        var changed = watching ? state.State.Sessions.Add(sessionGrainKey) : state.State.Sessions.Remove(sessionGrainKey);
        if (changed)
        {
            await state.WriteStateAsync();
            await KeepReminder();
        }
    }

    public async Task<int> WakeAll()
    {
        var sessions = state.State.Sessions.ToList();
        await Task.WhenAll(sessions.Select(key => GrainFactory.GetGrain<ISessionGrain>(key).Wake()));
        return sessions.Count;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => reminderName == WakeReminder ? WakeAll() : Task.CompletedTask;

    /// <summary>A reminder while anything is watched, none otherwise (only where reminders are durable).</summary>
    private async Task KeepReminder()
    {
        if (!options.Value.DurableWakeUp)
        {
            return;
        }
        var reminder = await this.GetReminder(WakeReminder);
        if (state.State.Sessions.Count > 0 && reminder is null)
        {
            await this.RegisterOrUpdateReminder(WakeReminder, WakePeriod, WakePeriod);
        }
        else if (state.State.Sessions.Count == 0 && reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}

public sealed class CapWatchRegistryState
{
    public SortedSet<string> Sessions { get; set; } = new(StringComparer.Ordinal);
}
