using MeetingOps.Contracts;

namespace MeetingOps.Grains;

/// <summary>The floor's view of the meeting: that it exists, its chair key (hashed), its items and the delegations it was defined with.</summary>
public sealed partial class MeetingGrain : IMeetingFloorSource
{
    [Orleans.Concurrency.ReadOnly]
    public Task<FloorSource?> GetFloorSource() => Task.FromResult(_meeting is null || state.State.ChairKeyHash is null
        ? null
        : new FloorSource(state.State.ChairKeyHash, [.. _meeting.Items.Select(i => i.Id)], state.State.Definition?.Delegations ?? []));
}
