using MeetingOps.Contracts;

namespace MeetingOps.Grains;

/// <summary>
/// The sittings whose caps are watched. Timers die with their silo; this list does not, so a silo that starts
/// wakes every watched sitting, which re-arms its timers (or ends at once when the cap passed while it was down).
/// </summary>
public sealed class CapWatchRegistryGrain(
    [PersistentState("capwatch", StorageNames.Meetings)] IPersistentState<CapWatchRegistryState> state) : Grain, ICapWatchRegistryGrain
{
    public async Task Watch(string sessionGrainKey, bool watching)
    {
        var changed = watching ? state.State.Sessions.Add(sessionGrainKey) : state.State.Sessions.Remove(sessionGrainKey);
        if (changed)
        {
            await state.WriteStateAsync();
        }
    }

    public async Task<int> WakeAll()
    {
        var sessions = state.State.Sessions.ToList();
        await Task.WhenAll(sessions.Select(key => GrainFactory.GetGrain<ISessionGrain>(key).Wake()));
        return sessions.Count;
    }
}

public sealed class CapWatchRegistryState
{
    public SortedSet<string> Sessions { get; set; } = new(StringComparer.Ordinal);
}
