using System.Text.RegularExpressions;
using MeetingOps.Domain.Definition;

namespace MeetingOps.Domain.Planning;

/// <summary>
/// Checks a re-plan request against the meeting: every id resolves, caps and times make sense at the venue,
/// and no body would sit in two sessions at once. Every problem is collected with where it is
/// (<c>$.changes.2022-05-23-am.start</c>), so the secretariat fixes the request in one pass; and each with its phrase,
/// so the secretariat's page says it in the officer's language (the definition's phrase where a definition has the same fault).
/// </summary>
internal static partial class PlanRequestCheck
{
    private const int MaxCapMinutes = 24 * 60;
    private const int MaxEstimateMinutes = 100_000;

    /// <summary>The same session ids as a meeting definition accepts: they appear in URLs.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();

    /// <summary>Adds a problem: where, the English, and the phrase (required, so no problem reaches a page in English only).</summary>
    private delegate void AddProblem(string path, string message, ServerText text);

    /// <summary>A local time at the venue as the definition's phrases carry it ("2030-03-31T02:30").</summary>
    private static string Local(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <param name="sittings">The sessions laid out for the re-plan, when the request is sound enough to lay them out.</param>
    public static List<DefinitionProblem> Problems(Meeting meeting, PlanRequest request, VenueClock clock, out List<Sitting>? sittings)
    {
        sittings = null;
        var problems = new List<DefinitionProblem>();
        void Add(string path, string message, ServerText text) => problems.Add(new DefinitionProblem(path, message, text));

        if (!Enum.IsDefined(request.Strategy))
        {
            Add("$.strategy", $"Unknown strategy {request.Strategy}; choose compress, reflow or fit.",
                ServerPhrases.PlanUnknownStrategy.With(("found", (int)request.Strategy)));
        }
        if (request.FloorMinutes is < 0 or > MaxCapMinutes)
        {
            Add("$.floorMinutes", $"A floor is 0–{MaxCapMinutes} minutes, found {request.FloorMinutes}.",
                ServerPhrases.PlanFloorRange.With(("found", request.FloorMinutes)));
        }

        foreach (var (sessionId, change) in (request.Changes ?? new Dictionary<string, SessionChange>()).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var path = $"$.changes.{sessionId}";
            if (meeting.FindSession(sessionId) is not { } session)
            {
                Add(path, $"This meeting has no session \"{sessionId}\".", ServerPhrases.NoSuchSession.With(("id", sessionId)));
                continue;
            }
            if (change is null)
            {
                Add(path, "A session change must be an object with a format.", ServerPhrases.PlanChangeShape.With());
                continue;
            }
            Format($"{path}.format", change.Format, Add);
            Cap($"{path}.capMinutes", change.CapMinutes, Add);
            if (change.Start is { } time && session.LocalStart.Date + time.ToTimeSpan() is var moved && !clock.Exists(moved))
            {
                Add($"{path}.start", $"{session.LocalStart:yyyy-MM-dd} {time:HH:mm} does not exist in {meeting.TimeZone} (the clocks skip it).",
                    ServerPhrases.DefTimeSkipped.With(("localStart", Local(moved)), ("zone", meeting.TimeZone)));
            }
        }

        var planned = new HashSet<string>(meeting.Sessions.SelectMany(s => s.Planned).Select(p => p.Item), StringComparer.Ordinal);
        foreach (var (itemId, minutes) in (request.Estimates ?? new Dictionary<string, int>()).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var path = $"$.estimates.{itemId}";
            if (meeting.FindItem(itemId) is null)
            {
                Add(path, $"This meeting has no agenda item \"{itemId}\".", ServerPhrases.NoSuchItem.With(("id", itemId)));
            }
            else if (!planned.Contains(itemId))
            {
                Add(path, $"\"{itemId}\" is not planned in any session; an estimate is shared across the sessions an item is planned in.",
                    ServerPhrases.PlanEstimateNotPlanned.With(("item", itemId)));
            }
            if (minutes is < 1 or > MaxEstimateMinutes)
            {
                Add(path, $"An estimate is 1–{MaxEstimateMinutes} minutes, found {minutes}.",
                    ServerPhrases.PlanEstimateRange.With(("max", MaxEstimateMinutes), ("found", minutes)));
            }
        }

        var ids = new HashSet<string>(meeting.Sessions.Select(s => s.Id), StringComparer.Ordinal);
        var extras = request.ExtraSessions ?? [];
        for (var i = 0; i < extras.Count; i++)
        {
            var path = $"$.extraSessions[{i}]";
            if (extras[i] is not { } extra)
            {
                Add(path, "An extra session must be an object, found null.", ServerPhrases.DefSessionNull.With());
                continue;
            }
            if (extra.Id is null || !IdPattern().IsMatch(extra.Id))
            {
                Add($"{path}.id", $"\"{extra.Id}\" is not a valid session id: use 1–64 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit.",
                    ServerPhrases.DefBadSessionId.With(("id", extra.Id)));
            }
            else if (!ids.Add(extra.Id))
            {
                Add($"{path}.id", $"Session id \"{extra.Id}\" is already used.", ServerPhrases.DefSessionIdTwice.With(("id", extra.Id)));
            }
            Format($"{path}.format", extra.Format, Add);
            Cap($"{path}.capMinutes", extra.CapMinutes, Add);
            Time($"{path}.localStart", extra.LocalStart, meeting, clock, Add);
            Time($"{path}.localEnd", extra.LocalEnd, meeting, clock, Add);
            if (extra.LocalEnd <= extra.LocalStart)
            {
                Add($"{path}.localEnd", $"The session ends ({extra.LocalEnd:yyyy-MM-ddTHH:mm}) at or before it starts ({extra.LocalStart:yyyy-MM-ddTHH:mm}).",
                    ServerPhrases.DefSessionEndsBeforeStarts.With(("localStart", Local(extra.LocalStart)), ("localEnd", Local(extra.LocalEnd))));
            }
            else if (extra.LocalEnd - extra.LocalStart > TimeSpan.FromHours(24))
            {
                Add($"{path}.localEnd", "A session lasts at most 24 hours.", ServerPhrases.DefSessionTooLong.With());
            }
            if (extra.Bodies is null || extra.Bodies.Count == 0)
            {
                Add($"{path}.bodies", "A session needs at least one body that sits in it.", ServerPhrases.DefSessionBodiesRequired.With());
            }
            else
            {
                for (var b = 0; b < extra.Bodies.Count; b++)
                {
                    if (meeting.FindBody(extra.Bodies[b]) is null)
                    {
                        Add($"{path}.bodies[{b}]", $"Unknown body \"{extra.Bodies[b]}\".", ServerPhrases.DefUnknownSessionBody.With(("id", extra.Bodies[b])));
                    }
                    else if (extra.Bodies.Take(b).Contains(extra.Bodies[b]))
                    {
                        Add($"{path}.bodies[{b}]", $"Body \"{extra.Bodies[b]}\" is listed twice.", ServerPhrases.DefBodyListedTwice.With(("body", extra.Bodies[b])));
                    }
                }
            }
        }

        if (request.InterpretationMinutesPerDay is < 1 or > MaxCapMinutes)
        {
            Add("$.interpretationMinutesPerDay", $"An interpretation quota is 1–{MaxCapMinutes} minutes a day, found {request.InterpretationMinutesPerDay}.",
                ServerPhrases.PlanQuotaRange.With(("found", request.InterpretationMinutesPerDay)));
        }

        if (problems.Count == 0)
        {
            sittings = Sittings.Lay(meeting, request, clock);
            Overlaps(sittings, request, Add);
            Pins(meeting, request, sittings, planned, Add);
        }
        return problems;
    }

    /// <summary>
    /// Hand placements must name a planned item and a sitting where every body of the item's agenda sits, with minutes the
    /// sitting has (after its cap and the interpretation quota); each is refused in words naming the pin.
    /// </summary>
    private static void Pins(Meeting meeting, PlanRequest request, List<Sitting> sittings, HashSet<string> planned, AddProblem add)
    {
        var pins = request.Pins ?? [];
        var seen = new HashSet<(string, string)>();
        var minutesIn = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < pins.Count; k++)
        {
            var path = $"$.pins[{k}]";
            if (pins[k] is not { } pin || pin.Item is null || pin.Session is null)
            {
                add(path, "A pin names an item and a session: {\"item\": \"…\", \"session\": \"…\", \"minutes\": 30}.", ServerPhrases.PlanPinShape.With());
                continue;
            }
            var item = meeting.FindItem(pin.Item);
            var sitting = sittings.FirstOrDefault(s => s.Id == pin.Session);
            if (item is null)
            {
                add($"{path}.item", $"This meeting has no agenda item \"{pin.Item}\".", ServerPhrases.NoSuchItem.With(("id", pin.Item)));
            }
            else if (!planned.Contains(pin.Item))
            {
                add($"{path}.item", $"{AgendaWords.CapitalLabel(meeting, item)} is not planned in any session (its sub-items are); pin those.",
                    ServerPhrases.PlanPinNotPlanned.With(("item", pin.Item)));
            }
            if (sitting is null)
            {
                add($"{path}.session", $"This meeting has no session \"{pin.Session}\".", ServerPhrases.NoSuchSession.With(("id", pin.Session)));
            }
            if (item is null || sitting is null)
            {
                continue;
            }
            var when = $"{sitting.LocalStart.ToString("dddd d MMMM", System.Globalization.CultureInfo.InvariantCulture)} {(sitting.LocalStart.Hour < 13 ? "morning" : sitting.LocalStart.Hour < 18 ? "afternoon" : "evening")} ({sitting.Id})";
            var absentBodies = meeting.Bodies.Where(b => item.Numbers.ContainsKey(b.Id) && !sitting.Bodies.Contains(b.Id)).ToList();
            if (absentBodies.Count > 0)
            {
                var absent = absentBodies.Select(AgendaWords.ShortName).ToList();
                add($"{path}.session", $"{AgendaWords.CapitalLabel(meeting, item)} cannot be pinned to {when}: {string.Join(" and ", absent)} {(absent.Count == 1 ? "does" : "do")} not sit then.",
                    ServerPhrases.PlanPinBodiesAbsent.With(("item", item.Id), ("session", sitting.Id), ("bodies", absentBodies.Select(b => b.Id))));
            }
            if (!seen.Add((pin.Item, pin.Session)))
            {
                add(path, $"{AgendaWords.CapitalLabel(meeting, item)} is pinned to {when} twice.", ServerPhrases.PlanPinTwice.With(("item", item.Id), ("session", sitting.Id)));
            }
            if (pin.Minutes is { } minutes)
            {
                if (minutes < 1 || minutes > sitting.Available)
                {
                    add($"{path}.minutes", $"{when} offers {sitting.Available} minutes; a pin there is 1–{sitting.Available} minutes, found {minutes}.",
                        ServerPhrases.PlanPinMinutesRange.With(("session", sitting.Id), ("availableMinutes", sitting.Available), ("found", minutes)));
                }
                else
                {
                    minutesIn[sitting.Id] = minutesIn.GetValueOrDefault(sitting.Id) + minutes;
                    if (minutesIn[sitting.Id] > sitting.Available)
                    {
                        add($"{path}.minutes", $"The pins to {when} ask {minutesIn[sitting.Id]} minutes; it offers {sitting.Available}{(sitting.QuotaCut > 0 ? " within the daily interpretation quota" : "")}.",
                            (sitting.QuotaCut > 0 ? ServerPhrases.PlanPinsOverQuota : ServerPhrases.PlanPinsOver)
                                .With(("session", sitting.Id), ("askedMinutes", minutesIn[sitting.Id]), ("availableMinutes", sitting.Available)));
                    }
                }
            }
            else if (sitting.Available == 0)
            {
                add($"{path}.session", $"{when} has no minutes to offer{(sitting.QuotaCut > 0 ? " within the daily interpretation quota" : "")}.",
                    (sitting.QuotaCut > 0 ? ServerPhrases.PlanNoMinutesQuota : ServerPhrases.PlanNoMinutes).With(("session", sitting.Id)));
            }
        }
    }

    private static void Format(string path, SessionFormat format, AddProblem add)
    {
        if (!Enum.IsDefined(format))
        {
            add(path, $"Unknown format {format}; choose inPerson, hybrid or online.", ServerPhrases.DefUnknownFormat.With(("found", (int)format)));
        }
    }

    private static void Cap(string path, int? cap, AddProblem add)
    {
        if (cap is < 1 or > MaxCapMinutes)
        {
            add(path, $"A cap is 1–{MaxCapMinutes} minutes, found {cap}.", ServerPhrases.DefCapRange.With(("found", cap)));
        }
    }

    private static void Time(string path, DateTime local, Meeting meeting, VenueClock clock, AddProblem add)
    {
        if (local.Kind != DateTimeKind.Unspecified)
        {
            add(path, "Give the local time at the venue without an offset or 'Z', e.g. \"2022-05-27T15:00\".", ServerPhrases.DefLocalTimeOnly.With());
            return;
        }
        var date = DateOnly.FromDateTime(local);
        if (date < meeting.StartDate || date > meeting.EndDate)
        {
            add(path, $"{local:yyyy-MM-dd} is outside the meeting's dates ({meeting.StartDate:yyyy-MM-dd} to {meeting.EndDate:yyyy-MM-dd}).",
                ServerPhrases.DefOutsideDates.With(("date", date), ("startDate", meeting.StartDate), ("endDate", meeting.EndDate)));
        }
        if (!clock.Exists(local))
        {
            add(path, $"{local:yyyy-MM-ddTHH:mm} does not exist in {meeting.TimeZone} (the clocks skip it).",
                ServerPhrases.DefTimeSkipped.With(("localStart", Local(local)), ("zone", meeting.TimeZone)));
        }
    }

    /// <summary>A body sits in one session at a time: sessions as held (start to start + available minutes) must not overlap for a body they share.</summary>
    private static void Overlaps(List<Sitting> sittings, PlanRequest request, AddProblem add)
    {
        for (var i = 0; i < sittings.Count; i++)
        {
            for (var j = i + 1; j < sittings.Count && sittings[j].Start < sittings[i].End; j++)
            {
                var (a, b) = (sittings[i], sittings[j]);
                if (a.Bodies.FirstOrDefault(b.Bodies.Contains) is { } shared)
                {
                    var moved = b.Extra ? $"$.extraSessions[{IndexOf(request, b.Id)}]" : $"$.changes.{b.Id}";
                    if (!b.Extra && request.Changes?.ContainsKey(b.Id) != true)
                    {
                        moved = a.Extra ? $"$.extraSessions[{IndexOf(request, a.Id)}]" : $"$.changes.{a.Id}";
                    }
                    add(moved, $"Session \"{b.Id}\" ({b.LocalStart:yyyy-MM-dd HH:mm}–{b.LocalEnd:HH:mm}) would overlap session \"{a.Id}\" ({a.LocalStart:yyyy-MM-dd HH:mm}–{a.LocalEnd:HH:mm}) for body \"{shared}\"; a body sits in one session at a time.",
                        ServerPhrases.DefSessionsOverlap.With(("id", b.Id), ("other", a.Id), ("body", shared)));
                }
            }
        }
    }

    private static int IndexOf(PlanRequest request, string extraId)
    {
        var extras = request.ExtraSessions ?? [];
        for (var i = 0; i < extras.Count; i++)
        {
            if (extras[i].Id == extraId)
            {
                return i;
            }
        }
        return -1;
    }
}
