using MeetingOps.Contracts;
using MeetingOps.Domain;

namespace MeetingOps.Grains;

/// <summary>One sitting: applies the changes its meeting drives, once each, and answers where it stands.</summary>
public sealed class SessionGrain(
    [PersistentState("session", StorageNames.Meetings)] IPersistentState<ChildState> state) : Grain, ISessionGrain
{
    public async Task Apply(LogEntry change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Version <= state.State.LastVersion || change.Subject != ChangeSubject.Session)
        {
            return;
        }
        var session = Current().Apply(change);
        var previous = AgendaItemGrain.Snapshot(state.State);
        state.State.Status = SessionStateMachine.Name(session.Status);
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
    }

    public Task<SessionRecord> GetState()
    {
        var s = Current();
        return Task.FromResult(new SessionRecord(s.Status, s.StartedAt, s.EndedAt, state.State.LastVersion, state.State.History.ToList()));
    }

    private SessionState Current() => state.State.Status.Length == 0
        ? SessionState.Initial
        : new SessionState(Enum.Parse<SessionStatus>(state.State.Status, ignoreCase: true), state.State.StartedAt, state.State.EndedAt);
}
