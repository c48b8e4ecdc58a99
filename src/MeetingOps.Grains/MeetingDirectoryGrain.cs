using MeetingOps.Contracts;
using MeetingOps.Domain;

namespace MeetingOps.Grains;

/// <summary>The list of meetings. One grain is plenty: a conference centre runs tens of meetings, not millions.</summary>
public sealed class MeetingDirectoryGrain(
    [PersistentState("directory", StorageNames.Meetings)] IPersistentState<MeetingDirectoryState> state) : Grain, IMeetingDirectoryGrain
{
    public async Task Register(MeetingSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (state.State.Meetings.TryGetValue(summary.Id, out var known) && Same(known, summary))
        {
            return;
        }
        state.State.Meetings[summary.Id] = summary;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            await state.ReadStateAsync(); // back to what is stored
            throw;
        }
    }

    public async Task Remove(string meetingId)
    {
        if (!state.State.Meetings.Remove(meetingId))
        {
            return;
        }
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            await state.ReadStateAsync(); // back to what is stored
            throw;
        }
    }

    [Orleans.Concurrency.ReadOnly]
    public Task<IReadOnlyList<MeetingSummary>> List() =>
        Task.FromResult<IReadOnlyList<MeetingSummary>>(state.State.Meetings.Values.OrderBy(m => m.StartDate).ThenBy(m => m.Title, StringComparer.Ordinal).ToList());

    private static bool Same(MeetingSummary a, MeetingSummary b) =>
        a.Id == b.Id && a.Title == b.Title && a.Venue == b.Venue && a.StartDate == b.StartDate && a.EndDate == b.EndDate && a.Bodies.SequenceEqual(b.Bodies);
}

public sealed class MeetingDirectoryState
{
    public Dictionary<string, MeetingSummary> Meetings { get; set; } = new(StringComparer.Ordinal);
}
