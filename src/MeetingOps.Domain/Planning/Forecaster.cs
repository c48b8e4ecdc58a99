namespace MeetingOps.Domain.Planning;

/// <summary>
/// Projects the rest of the meeting from what has happened, assuming the chair follows the plan:
/// <list type="bullet">
/// <item>Time spent on an item (from the log) uses up its plan minutes in chronological order; what it still
/// has in sessions already held is carried into the next session where it can be taken up, first thing.</item>
/// <item>The item under consideration runs on from now for the rest of its time in this session (or, when it has
/// used that, on to the session's end at most, out of the time the plan gives it next); the session's other items
/// follow in plan order.</item>
/// <item>A capped session stops at its cap: the item running into it continues in the next session where its
/// bodies all sit. A session without a cap runs over.</item>
/// </list>
/// Pure: the same inputs give the same forecast.
/// </summary>
public static class Forecaster
{
    public static Forecast Forecast(Meeting meeting, Plan plan, LiveState live, IReadOnlyList<LogEntry> log, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(log);
        return new Projection(meeting, plan, live, ConsiderationTime.From(log, now), now).Run();
    }

    private sealed class Projection
    {
        private readonly Meeting _meeting;
        private readonly Plan _plan;
        private readonly ConsiderationTime _time;
        private readonly DateTimeOffset _now;
        private readonly VenueClock _clock;
        private readonly Dictionary<string, int> _itemIndex = new(StringComparer.Ordinal);
        private readonly AgendaItem[] _items;
        private readonly ItemStatus[] _status;
        private readonly bool[] _done;
        private readonly Dictionary<string, int> _currentIn = new(StringComparer.Ordinal);
        private readonly SessionState[] _sessionStates;
        private readonly List<ForecastSegment>[] _segments;
        private readonly TimeSpan[] _unplaced;
        private readonly List<ForecastWarning> _warnings = [];

        /// <summary>When each body is projected to be free again: a sitting that runs over delays the next sitting of its bodies.</summary>
        private readonly Dictionary<string, DateTimeOffset> _bodyFreeAt = new(StringComparer.Ordinal);

        public Projection(Meeting meeting, Plan plan, LiveState live, ConsiderationTime time, DateTimeOffset now)
        {
            (_meeting, _plan, _time, _now) = (meeting, plan, time, now);
            _clock = new VenueClock(meeting);
            _items = new AgendaItem[plan.Items.Count];
            _status = new ItemStatus[plan.Items.Count];
            _done = new bool[plan.Items.Count];
            _segments = new List<ForecastSegment>[plan.Items.Count];
            _unplaced = new TimeSpan[plan.Items.Count];
            var agenda = new Dictionary<string, AgendaItem>(meeting.Items.Count, StringComparer.Ordinal);
            foreach (var item in meeting.Items)
            {
                agenda[item.Id] = item;
            }
            for (var k = 0; k < plan.Items.Count; k++)
            {
                var id = plan.Items[k].ItemId;
                _itemIndex[id] = k;
                _items[k] = agenda.TryGetValue(id, out var item) ? item : throw new ArgumentException($"The plan names item \"{id}\", which this meeting does not have.", nameof(plan));
                _status[k] = live.Item(id).Status;
                _done[k] = _status[k] is ItemStatus.Concluded or ItemStatus.Adopted or ItemStatus.Deferred;
                _segments[k] = [];
                if (_status[k] == ItemStatus.Open && live.Item(id).SessionId is { } sitting)
                {
                    _currentIn[sitting] = k;
                }
            }
            _sessionStates = plan.Sessions.Select(s => live.Session(s.SessionId)).ToArray();
        }

        public Forecast Run()
        {
            var work = WorkLeft();
            var count = _plan.Sessions.Count;
            var carried = new List<Piece>[count];
            for (var c = 0; c < count; c++)
            {
                carried[c] = [];
            }
            // The cap of the sitting in progress is the most urgent news: it comes first.
            CapWarnings();
            var sessions = new List<ForecastSession>(count);
            for (var c = 0; c < count; c++)
            {
                sessions.Add(_sessionStates[c].Status == SessionStatus.Ended
                    ? Held(c, work, carried)
                    : Ahead(c, work, carried));
            }
            NoTimeLeft();

            var items = new List<ForecastItem>();
            for (var k = 0; k < _items.Length; k++)
            {
                if (_done[k])
                {
                    continue;
                }
                var segments = _segments[k];
                // The piece under way started when the item was last taken up; only what is ahead of now is left. A piece in a
                // sitting still to come is left whole, even when that sitting is anchored on a planned start already past.
                var remaining = segments.Aggregate(_unplaced[k], (sum, s) => sum + (!IsSitting(s.SessionId) ? s.End - s.Start
                    : s.End > _now ? s.End - (s.Start > _now ? s.Start : _now) : TimeSpan.Zero));
                items.Add(new ForecastItem(_items[k].Id, _status[k],
                    segments.Count > 0 ? segments[0].Start : null, segments.Count > 0 ? segments[^1].End : null,
                    Minutes(remaining), Minutes(_unplaced[k]), segments));
            }
            return new Forecast(_now, sessions, items, _warnings);
        }

        /// <summary>A piece of work on an item: the item (index into the plan's items) and how long.</summary>
        private sealed record Piece(int Item, TimeSpan Time);

        /// <summary>Per session, the plan's minutes per item not yet used up by the time spent on the item (earliest sessions first).</summary>
        private List<Piece>[] WorkLeft()
        {
            var spent = _items.Select(i => _time.Spent(i.Id)).ToArray();
            var work = new List<Piece>[_plan.Sessions.Count];
            for (var c = 0; c < work.Length; c++)
            {
                work[c] = [];
                foreach (var allocation in _plan.Sessions[c].Allocations)
                {
                    if (!_itemIndex.TryGetValue(allocation.ItemId, out var k) || _done[k])
                    {
                        continue;
                    }
                    var planned = TimeSpan.FromMinutes(allocation.Minutes);
                    var used = spent[k] < planned ? spent[k] : planned;
                    spent[k] -= used;
                    if (planned - used > TimeSpan.Zero)
                    {
                        work[c].Add(new Piece(k, planned - used));
                    }
                }
            }
            return work;
        }

        /// <summary>A session already held: as it happened; what it did not get through moves on.</summary>
        private ForecastSession Held(int c, List<Piece>[] work, List<Piece>[] carried)
        {
            var session = _plan.Sessions[c];
            var state = _sessionStates[c];
            var started = state.StartedAt ?? session.Start;
            var ended = state.EndedAt ?? session.End;
            var availableEnd = state.StartedAt is null ? AvailableEnd(session, started) : AvailableEndOfSitting(c, started);
            foreach (var piece in carried[c].Concat(work[c]))
            {
                Carry(c, piece, carried);
            }
            return new ForecastSession(session.SessionId, state.Status, started, ended, availableEnd, Minutes(ended - availableEnd),
                session.CapMinutes is not null ? state.StartedAt is null ? started.AddMinutes(session.CapMinutes.Value) : CapEnd(c, started) : null);
        }

        /// <summary>The session sitting now, or one still to come: its items one after another from now (or its start).</summary>
        private ForecastSession Ahead(int c, List<Piece>[] work, List<Piece>[] carried)
        {
            var session = _plan.Sessions[c];
            var state = _sessionStates[c];
            var sitting = state.IsSitting;
            var start = StartOf(c);
            var began = sitting ? state.StartedAt ?? session.Start : start;
            var availableEnd = sitting ? AvailableEndOfSitting(c, began) : AvailableEnd(session, began);
            var capped = session.CapMinutes is not null;

            var queue = new List<Piece>();
            var current = sitting && _currentIn.TryGetValue(session.SessionId, out var k) ? k : -1;
            if (current >= 0)
            {
                OverItsTime(current);
                var time = Take(carried[c], current) + Take(work[c], current);
                if (time == TimeSpan.Zero)
                {
                    time = PullNext(c, current, work, availableEnd - start);
                }
                queue.Add(new Piece(current, time));
            }
            foreach (var piece in carried[c].Concat(work[c]))
            {
                var at = queue.FindIndex(q => q.Item == piece.Item);
                if (at >= 0)
                {
                    queue[at] = queue[at] with { Time = queue[at].Time + piece.Time };
                }
                else
                {
                    queue.Add(piece);
                }
            }

            var t = start;
            foreach (var piece in queue)
            {
                var isCurrent = piece.Item == current;
                var pieceStart = isCurrent && _time.LastOpened(_items[current].Id) is { } opened ? opened : t;
                if (piece.Time <= TimeSpan.Zero)
                {
                    // The item under consideration with no time left in the plan: it has run until now.
                    AddSegment(piece.Item, session.SessionId, pieceStart, t);
                    continue;
                }
                var end = t + piece.Time;
                if (!capped || end <= availableEnd)
                {
                    AddSegment(piece.Item, session.SessionId, pieceStart, end);
                }
                else if (t < availableEnd || isCurrent)
                {
                    // Cut at the cap (or now, for the item under way when the cap has already passed); the rest goes on.
                    var cut = t < availableEnd ? availableEnd : t;
                    AddSegment(piece.Item, session.SessionId, pieceStart, cut);
                    var next = Carry(c, piece with { Time = end - cut }, carried);
                    Warn(ForecastWarningKind.ContinuesAfterCap, session.SessionId, piece.Item, next is { } n
                        ? $"{Label(piece.Item)} will not finish before the cap; it continues {_clock.Words(StartOf(n))}."
                        : $"{Label(piece.Item)} will not finish before the cap, and no later session of {Bodies(piece.Item)} is planned.",
                        next is { } n2
                            ? ServerPhrases.WarnContinuesAfterCap.With(("item", _items[piece.Item].Id), ("when", StartOf(n2)))
                            : ServerPhrases.WarnContinuesNowhere.With(("item", _items[piece.Item].Id), ("bodies", _items[piece.Item].Numbers.Keys)));
                }
                else
                {
                    var next = Carry(c, piece, carried);
                    Warn(ForecastWarningKind.MovesAfterCap, session.SessionId, piece.Item, next is { } n
                        ? $"{Label(piece.Item)} will not be reached before the cap of session {session.SessionId}; it moves to {_clock.Words(StartOf(n))}."
                        : $"{Label(piece.Item)} will not be reached before the cap of session {session.SessionId}, and no later session of {Bodies(piece.Item)} is planned.",
                        next is { } n2
                            ? ServerPhrases.WarnMovesAfterCap.With(("item", _items[piece.Item].Id), ("session", session.SessionId), ("when", StartOf(n2)))
                            : ServerPhrases.WarnMovesNowhere.With(("item", _items[piece.Item].Id), ("session", session.SessionId), ("bodies", _items[piece.Item].Numbers.Keys)));
                }
                t = end;
            }

            var projectedEnd = t;
            foreach (var body in session.Bodies)
            {
                var end = capped && projectedEnd > availableEnd ? availableEnd : projectedEnd;
                if (!_bodyFreeAt.TryGetValue(body, out var free) || free < end)
                {
                    _bodyFreeAt[body] = end;
                }
            }
            if (!capped && projectedEnd - availableEnd >= TimeSpan.FromMinutes(1))
            {
                Warn(ForecastWarningKind.RunsOver, session.SessionId, null,
                    $"Session {session.SessionId} is projected to end at {_clock.TimeWords(projectedEnd)}, {MinutesWords(Minutes(projectedEnd - availableEnd))} after its planned end ({_clock.TimeWords(availableEnd)}).",
                    ServerPhrases.WarnRunsOver.With(("session", session.SessionId), ("at", projectedEnd), ("overMinutes", Minutes(projectedEnd - availableEnd)), ("end", availableEnd)));
            }
            return new ForecastSession(session.SessionId, state.Status, start, capped && projectedEnd > availableEnd ? availableEnd : projectedEnd,
                availableEnd, Minutes(projectedEnd - availableEnd), session.CapMinutes is { } cap ? sitting ? CapEnd(c, began) : began.AddMinutes(cap) : null);
        }

        /// <summary>Moves work on to the next session where all the item's bodies sit and that is not over; returns that session, or null when none is left.</summary>
        private int? Carry(int from, Piece piece, List<Piece>[] carried)
        {
            if (piece.Time <= TimeSpan.Zero || _done[piece.Item])
            {
                return null;
            }
            var bodies = _items[piece.Item].Numbers.Keys;
            for (var c = from + 1; c < _plan.Sessions.Count; c++)
            {
                if (_sessionStates[c].Status != SessionStatus.Ended && bodies.All(_plan.Sessions[c].Seats))
                {
                    var at = carried[c].FindIndex(p => p.Item == piece.Item);
                    if (at >= 0)
                    {
                        carried[c][at] = carried[c][at] with { Time = carried[c][at].Time + piece.Time };
                    }
                    else
                    {
                        carried[c].Add(piece);
                    }
                    return c;
                }
            }
            if (_unplaced[piece.Item] == TimeSpan.Zero)
            {
                Warn(ForecastWarningKind.NotPlaced, null, piece.Item,
                    $"{Label(piece.Item)} will not finish in the sessions left: no later session of {Bodies(piece.Item)} is planned.",
                    ServerPhrases.WarnNotFinishing.With(("item", _items[piece.Item].Id), ("bodies", _items[piece.Item].Numbers.Keys)));
            }
            _unplaced[piece.Item] += piece.Time;
            return null;
        }

        /// <summary>
        /// For the item under consideration when it has used its time in this session: it goes on until the session's
        /// end at most, taking that time from the next session the plan gives it; the rest stays there.
        /// </summary>
        private static TimeSpan PullNext(int from, int item, List<Piece>[] work, TimeSpan untilEnd)
        {
            if (untilEnd <= TimeSpan.Zero)
            {
                return TimeSpan.Zero;
            }
            for (var c = from + 1; c < work.Length; c++)
            {
                var at = work[c].FindIndex(p => p.Item == item);
                if (at >= 0)
                {
                    var piece = work[c][at];
                    if (piece.Time <= untilEnd)
                    {
                        work[c].RemoveAt(at);
                        return piece.Time;
                    }
                    work[c][at] = piece with { Time = piece.Time - untilEnd };
                    return untilEnd;
                }
            }
            return TimeSpan.Zero;
        }

        private static TimeSpan Take(List<Piece> pieces, int item)
        {
            var time = TimeSpan.Zero;
            for (var i = pieces.Count - 1; i >= 0; i--)
            {
                if (pieces[i].Item == item)
                {
                    time += pieces[i].Time;
                    pieces.RemoveAt(i);
                }
            }
            return time;
        }

        private void AddSegment(int item, string sessionId, DateTimeOffset start, DateTimeOffset end)
        {
            var segments = _segments[item];
            var continued = segments.Count > 0 || _status[item] == ItemStatus.Continued || _time.TimesOpened(_items[item].Id) > 1;
            segments.Add(new ForecastSegment(sessionId, start, end, continued));
        }

        /// <summary>
        /// A session sitting now starts its remaining business now. One to come starts at its planned start; now, if that
        /// has passed earlier today at the venue (a late start). A sitting of another day is never moved to now: on the
        /// morning of the 6th the sittings of the 8th still start on the 8th, and one of a day gone by that was never
        /// held stays on its own day, rather than every such sitting being piled up from now (and running over by years).
        /// </summary>
        private DateTimeOffset StartOf(int c)
        {
            var session = _plan.Sessions[c];
            if (_sessionStates[c].IsSitting)
            {
                return _now;
            }
            var start = session.Start <= _now && SameVenueDay(session.Start, _now) ? _now : session.Start;
            // A body cannot open its next sitting of the day before the one running over has ended (the same delegates,
            // often the same room). Only within a venue day: a sitting held on another day delays no one.
            foreach (var body in session.Bodies)
            {
                if (_bodyFreeAt.TryGetValue(body, out var free) && free > start && SameVenueDay(free, session.Start))
                {
                    start = free;
                }
            }
            return start;
        }

        /// <summary>
        /// When a sitting in progress should end. Started on its planned day: as planned (a late start does not buy time).
        /// Started on another day (confirmed by the chair): its planned length from its real start, not the end it was
        /// planned for on a day it is not sitting.
        /// </summary>
        private DateTimeOffset AvailableEndOfSitting(int c, DateTimeOffset started)
        {
            var session = _plan.Sessions[c];
            return session.CapMinutes is not null ? CapEnd(c, started)
                : !SameVenueDay(session.Start, started) ? started + (session.End - session.Start)
                : AvailableEnd(session, started);
        }

        /// <summary>
        /// A capped sitting's end of interpretation, by the one rule the session grain and the pages use: its booked start
        /// (or its actual start, where the secretariat says so, or once its booked slot had passed) plus the cap and extensions.
        /// </summary>
        private DateTimeOffset CapEnd(int c, DateTimeOffset started)
        {
            var session = _plan.Sessions[c];
            var from = _meeting.FindSession(session.SessionId)?.CapFrom ?? CapFrom.BookedStart;
            return InterpretationCap.End(session.Start, started, session.CapMinutes!.Value, from, [_sessionStates[c].ExtendedMinutes]);
        }

        private bool SameVenueDay(DateTimeOffset a, DateTimeOffset b) => _clock.ToLocal(a).Date == _clock.ToLocal(b).Date;

        private bool IsSitting(string sessionId)
        {
            for (var c = 0; c < _plan.Sessions.Count; c++)
            {
                if (_plan.Sessions[c].SessionId == sessionId)
                {
                    return _sessionStates[c].IsSitting;
                }
            }
            return false;
        }

        /// <summary>A capped session ends its available minutes after it starts; any other at its planned end.</summary>
        private static DateTimeOffset AvailableEnd(PlanSession session, DateTimeOffset started) =>
            session.CapMinutes is null ? session.End : started.AddMinutes(session.AvailableMinutes);

        private void CapWarnings()
        {
            for (var c = 0; c < _plan.Sessions.Count; c++)
            {
                var state = _sessionStates[c];
                if (!state.IsSitting || state.StartedAt is not { } started || _plan.Sessions[c].CapMinutes is not { } minutes)
                {
                    continue;
                }
                var cap = CapClock.At(_plan.Sessions[c].SessionId, CapEnd(c, started).AddMinutes(-minutes), minutes);
                var left = cap.CapAt - _now;
                if (left <= TimeSpan.Zero)
                {
                    Warn(ForecastWarningKind.CapReached, cap.SessionId, null, CapClock.ReachedText(_meeting, cap),
                        ServerPhrases.WarnCapReached.With(("session", cap.SessionId), ("capMinutes", cap.CapMinutes), ("at", cap.CapAt)));
                }
                else if (left <= TimeSpan.FromMinutes(CapClock.WarningMinutes[0]))
                {
                    Warn(ForecastWarningKind.CapApproaching, cap.SessionId, null, CapClock.WarningText(_meeting, cap, (int)Math.Ceiling(left.TotalMinutes)),
                        ServerPhrases.WarnCapApproaching.With(("session", cap.SessionId), ("capMinutes", cap.CapMinutes), ("at", cap.CapAt),
                            ("count", (int)Math.Ceiling(left.TotalMinutes))));
                }
            }
        }

        private void OverItsTime(int item)
        {
            var planned = _plan.Items[item].AllocatedMinutes;
            var over = Minutes(_time.Spent(_items[item].Id)) - planned;
            if (over > 0)
            {
                Warn(ForecastWarningKind.OverItsTime, null, item,
                    $"{Label(item)} has run {MinutesWords(over)} past the {MinutesWords(planned)} the plan gives it.",
                    ServerPhrases.WarnOverItsTime.With(("item", _items[item].Id), ("overMinutes", over), ("plannedMinutes", planned)));
            }
        }

        private void NoTimeLeft()
        {
            for (var k = 0; k < _items.Length; k++)
            {
                if (!_done[k] && _segments[k].Count == 0 && _unplaced[k] == TimeSpan.Zero && _status[k] == ItemStatus.Continued)
                {
                    Warn(ForecastWarningKind.NoTimeLeft, null, k,
                        $"{Label(k)} was continued having used the {MinutesWords(_plan.Items[k].AllocatedMinutes)} the plan gives it; no time is planned for its resumption.",
                        ServerPhrases.WarnNoTimeLeft.With(("item", _items[k].Id), ("plannedMinutes", _plan.Items[k].AllocatedMinutes)));
                }
            }
        }

        private void Warn(ForecastWarningKind kind, string? sessionId, int? item, string message, ServerText text) =>
            _warnings.Add(new ForecastWarning(kind, sessionId, item is { } k ? _items[k].Id : null, message, text));

        private string Label(int item) => AgendaWords.CapitalLabel(_meeting, _items[item]);

        private string Bodies(int item) => string.Join(" and ",
            _meeting.Bodies.Where(b => _items[item].Numbers.ContainsKey(b.Id)).Select(AgendaWords.ShortName));

        private static int Minutes(TimeSpan time) => (int)Math.Round(time.TotalMinutes, MidpointRounding.AwayFromZero);

        private static string MinutesWords(int minutes) => minutes == 1 ? "1 minute" : $"{minutes} minutes";
    }
}
