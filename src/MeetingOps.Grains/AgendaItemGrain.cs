using MeetingOps.Contracts;
using MeetingOps.Domain;

namespace MeetingOps.Grains;

/// <summary>One agenda item: applies the changes its meeting drives, once each, and answers where it stands.</summary>
public sealed class AgendaItemGrain(
    [PersistentState("item", StorageNames.Meetings)] IPersistentState<ChildState> state) : Grain, IAgendaItemGrain
{
    public async Task Apply(LogEntry change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Version <= state.State.LastVersion || change.Subject != ChangeSubject.Item)
        {
            return; // already applied (a re-driven intent), or not for an item
        }
        var item = new ItemState(Status(), state.State.SessionId).Apply(change);
        var previous = state.State.Copy();
        state.State.Status = MeetingOpsJson.Name(item.Status);
        state.State.SessionId = item.SessionId;
        state.State.LastVersion = change.Version;
        state.State.History.Add(change);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = previous; // nothing half-applied in memory either
            throw;
        }
    }

    public Task<AgendaItemRecord> GetState() =>
        Task.FromResult(new AgendaItemRecord(Status(), state.State.SessionId, state.State.LastVersion, state.State.History.ToList()));

    private ItemStatus Status() => state.State.Status.Length == 0 ? ItemStatus.Pending : Enum.Parse<ItemStatus>(state.State.Status, ignoreCase: true);
}
