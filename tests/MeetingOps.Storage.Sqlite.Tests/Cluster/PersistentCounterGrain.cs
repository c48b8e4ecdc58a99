namespace MeetingOps.Storage.Sqlite.Tests.Cluster;

/// <summary>A grain whose state goes through Orleans' own persistence path ([PersistentState] on the default provider).</summary>
public sealed class PersistentCounterGrain([PersistentState("state")] IPersistentState<CounterState> state)
    : Grain, IPersistentCounterGrain
{
    public async Task<CounterSnapshot> Add(int amount, string item)
    {
        state.State.Count += amount;
        state.State.Items.Add(item);
        await state.WriteStateAsync();
        return Snapshot();
    }

    public Task<CounterSnapshot> Get() => Task.FromResult(Snapshot());

    private CounterSnapshot Snapshot() => new(state.State.Count, [.. state.State.Items], state.Etag, state.RecordExists);
}
