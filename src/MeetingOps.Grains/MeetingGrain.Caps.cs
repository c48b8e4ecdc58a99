using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Planning;

namespace MeetingOps.Grains;

/// <summary>Telling the session grains that watch caps where their sittings stand: one-way, by version, never waited for.</summary>
public sealed partial class MeetingGrain
{
    /// <summary>
    /// After a commit: each sitting the changes concern learns its cap watch (watch from when a capped sitting starts
    /// or a sitting in progress gets a new cap; stop when it ends or loses its cap). One-way, so a slow or failed
    /// session grain never holds up the chair; a message lost with its host is re-sent when the meeting next activates,
    /// and the session grain ignores anything older than what it already has.
    /// </summary>
    private void TellCapWatches(IReadOnlyList<LogEntry> changes)
    {
        foreach (var sessionId in changes.Select(c => c.SessionId).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            var concerns = changes.Any(c => c.SessionId == sessionId && c.Subject == ChangeSubject.Session) || _live!.Session(sessionId).IsSitting;
            if (concerns)
            {
                TellCapWatch(sessionId);
            }
        }
    }

    /// <summary>On activation: every sitting in progress with a cap hears its watch again (idempotent there).</summary>
    private void TellCapWatches()
    {
        foreach (var session in _meeting!.Sessions.Where(s => s.CapMinutes is not null && _live!.Session(s.Id).IsSitting))
        {
            TellCapWatch(session.Id);
        }
    }

    private void TellCapWatch(string sessionId)
    {
        var sitting = _live!.Session(sessionId);
        var session = _meeting!.FindSession(sessionId);
        CapWatch? watch = session is { CapMinutes: { } cap } && sitting is { IsSitting: true, StartedAt: { } started }
            ? new CapWatch(Id, sessionId, CapClock.At(sessionId, started, cap).CapAt, cap)
            : null;
        GrainFactory.GetGrain<ISessionGrain>(GrainKeys.Child(Id, sessionId)).WatchCap(watch, state.State.Version).Ignore();
    }
}
