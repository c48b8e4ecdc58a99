using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Planning;

namespace MeetingOps.Grains;

/// <summary>Telling the session grains where their sittings stand: one-way, by version, never waited for.</summary>
public sealed partial class MeetingGrain
{
    /// <summary>
    /// After a commit: each sitting the changes concern hears its news (its status, start, booked slot and the cap to
    /// watch). One-way, so a slow or failing session grain never holds up the chair; news lost with its host is sent
    /// again when the meeting next activates, and the session grain ignores anything older than what it has.
    /// </summary>
    private void TellSittings(IReadOnlyList<LogEntry> changes)
    {
        foreach (var sessionId in changes.Select(c => c.SessionId).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            var concerns = changes.Any(c => c.SessionId == sessionId && c.Subject == ChangeSubject.Session) || _live!.Session(sessionId).IsSitting;
            if (concerns && _meeting!.FindSession(sessionId) is { } session)
            {
                TellSitting(session, undone: changes.Any(Corrections.IsUndo));
            }
        }
    }

    /// <summary>On activation: every capped sitting in progress hears its news again (the same news changes nothing there).</summary>
    private void TellSittings()
    {
        foreach (var session in _meeting!.Sessions.Where(s => s.CapMinutes is not null && _live!.Session(s.Id).IsSitting))
        {
            TellSitting(session, undone: false);
        }
    }

    private void TellSitting(Session session, bool undone)
    {
        var sitting = _live!.Session(session.Id);
        CapWatch? watch = null;
        if (session.CapMinutes is { } cap && sitting is { IsSitting: true, StartedAt: { } started })
        {
            var capAt = CapEnd(session, started, cap);
            // A sitting put back in progress by an undo after its cap (the cap's own end undone) is the chair's to end.
            watch = undone && capAt <= time.GetUtcNow() ? null : new CapWatch(Id, session.Id, capAt, cap);
        }
        var news = new SittingNews(state.State.Version, sitting.Status, sitting.StartedAt, session.Start, session.End, watch);
        GrainFactory.GetGrain<ISessionGrain>(GrainKeys.Child(Id, session.Id)).Hear(news).Ignore();
    }
}
