using System.Text.RegularExpressions;

namespace MeetingOps.Domain.Definition;

/// <summary>
/// Checks a parsed definition for meaning (ids resolve, times make sense at the venue, joint items sit
/// in joint sessions) and compiles it into a <see cref="Meeting"/>. Every problem is collected, with its
/// JSON path, so the secretariat fixes the document in one pass rather than one error at a time.
/// </summary>
public static partial class DefinitionValidator
{
    public const int MaxTextLength = 500;
    public const int MaxAnnotationLength = 50_000;
    public const int MaxItems = 1000;
    public const int MaxSessions = 500;
    public const int MaxSubItemDepth = 3;
    public const int MaxViceChairs = 10;

    /// <summary>The officers with their names trimmed, blank ones left out; null when none is named.</summary>
    private static BodyOfficers? Officers(BodyOfficers? officers)
    {
        if (officers is null)
        {
            return null;
        }
        static string? Name(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        var viceChairs = (officers.ViceChairs ?? []).Select(Name).OfType<string>().ToList();
        var trimmed = new BodyOfficers(Name(officers.Chair), viceChairs.Count == 0 ? null : viceChairs, Name(officers.Rapporteur));
        return trimmed.Chair is null && trimmed.ViceChairs is null && trimmed.Rapporteur is null ? null : trimmed;
    }
    public const int MaxMeetingDays = 62;

    /// <summary>A local time at the venue as the messages' arguments give it, e.g. 2022-05-23T10:00.</summary>
    private static string Local(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();

    public static DefinitionResult Validate(MeetingDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var check = new Checker();
        var meeting = check.Meeting(definition);
        return check.Problems.Count == 0 && meeting is not null
            ? new DefinitionResult(meeting, [])
            : new DefinitionResult(null, check.Problems);
    }

    private sealed class Checker
    {
        public List<DefinitionProblem> Problems { get; } = [];
        private readonly HashSet<string> _bodyIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, AgendaItem> _items = new(StringComparer.Ordinal);
        private readonly List<AgendaItem> _ordered = [];
        private readonly Dictionary<string, Dictionary<string, string>> _numbersByBody = new(StringComparer.Ordinal);

        private void Add(string path, string message, ServerText? text = null) => Problems.Add(new DefinitionProblem(path, message, text));

        /// <summary>Checks a title or name given per language (codes from <see cref="Languages"/>); the trimmed copy, or null when none.</summary>
        private Dictionary<string, string>? OtherLanguages(string path, IReadOnlyDictionary<string, string>? texts, int max)
        {
            Problems.AddRange(Languages.Problems(path, texts, max));
            return Languages.Trimmed(texts);
        }

        public Meeting? Meeting(MeetingDefinition d)
        {
            Text("$.title", d.Title, required: true);
            Text("$.venue", d.Venue, required: true);
            Text("$.parentBody", d.ParentBody, required: false);
            Text("$.symbol", d.Symbol, required: false);
            if (d.Delegations is not null)
            {
                foreach (var problem in Floor.Delegations.Check(d.Delegations))
                {
                    Add("$." + problem.Path, problem.Message, problem.Text);
                }
            }
            TimeZoneInfo? zone = null;
            if (string.IsNullOrWhiteSpace(d.TimeZone))
            {
                Add("$.timeZone", "The venue's IANA time zone is required, e.g. \"Europe/Vienna\".", ServerPhrases.DefTimeZoneRequired.With());
            }
            else if (!VenueZones.IsLocation(d.TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(d.TimeZone, out zone) || !zone.HasIanaId)
            {
                Add("$.timeZone", $"\"{d.TimeZone}\" is not an IANA time zone known here; use one such as \"Europe/Vienna\" or \"America/New_York\".", ServerPhrases.DefTimeZoneUnknown.With(("zone", d.TimeZone)));
                zone = null;
            }
            if (d.StartDate is null)
            {
                Add("$.startDate", "The meeting's first day is required, e.g. \"2022-05-23\".", ServerPhrases.DefStartDateRequired.With());
            }
            if (d.EndDate is null)
            {
                Add("$.endDate", "The meeting's last day is required, e.g. \"2022-05-27\".", ServerPhrases.DefEndDateRequired.With());
            }
            else if (d.EndDate < d.StartDate)
            {
                Add("$.endDate", $"The meeting ends ({d.EndDate:yyyy-MM-dd}) before it starts ({d.StartDate:yyyy-MM-dd}).",
                    ServerPhrases.DefEndsBeforeStarts.With(("startDate", d.StartDate), ("endDate", d.EndDate)));
            }
            else if (d.StartDate is { } first && d.EndDate.Value.DayNumber - first.DayNumber >= MaxMeetingDays)
            {
                Add("$.endDate", $"The meeting spans more than {MaxMeetingDays} days; a meeting is one event over consecutive days.",
                    ServerPhrases.DefTooManyDays.With(("count", MaxMeetingDays)));
            }

            var bodies = Bodies(d.Bodies);
            Items(d.Items);
            var sessions = zone is null ? [] : Sessions(d, zone);

            if (Problems.Count > 0)
            {
                return null;
            }
            return new Meeting(d.Title.Trim(), d.Venue.Trim(), d.TimeZone, d.StartDate!.Value, d.EndDate!.Value, bodies, _ordered, sessions,
                d.ParentBody?.Trim(), d.Symbol?.Trim(), d.Issued);
        }

        private void Text(string path, string? value, bool required, int max = MaxTextLength)
        {
            if (value is null || value.Trim().Length == 0)
            {
                if (required)
                {
                    Add(path, "Required, and must not be blank.", ServerPhrases.DefRequired.With());
                }
                return;
            }
            if (value.Length > max)
            {
                Add(path, $"Too long: {value.Length:N0} characters, at most {max:N0}.", ServerPhrases.DefTooLong.With(("length", value.Length), ("max", max)));
            }
            if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            {
                Add(path, "Contains control characters.", ServerPhrases.DefControlCharacters.With());
            }
        }

        private void Id(string path, string? id, string what)
        {
            if (id is null || !IdPattern().IsMatch(id))
            {
                var phrase = what switch { "body" => ServerPhrases.DefBadBodyId, "item" => ServerPhrases.DefBadItemId, _ => ServerPhrases.DefBadSessionId };
                Add(path, $"\"{id}\" is not a valid {what} id: use 1–64 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit.",
                    phrase.With(("id", id)));
            }
        }

        private List<Body> Bodies(IReadOnlyList<BodyDefinition>? bodies)
        {
            var result = new List<Body>();
            if (bodies is null || bodies.Count == 0)
            {
                Add("$.bodies", "At least one body is required.", ServerPhrases.DefBodiesRequired.With());
                return result;
            }
            for (var i = 0; i < bodies.Count; i++)
            {
                var path = $"$.bodies[{i}]";
                var b = bodies[i];
                if (b is null)
                {
                    Add(path, "A body must be an object, found null.", ServerPhrases.DefBodyNull.With());
                    continue;
                }
                Id($"{path}.id", b.Id, "body");
                Text($"{path}.name", b.Name, required: true);
                Text($"{path}.symbol", b.Symbol, required: false);
                Text($"{path}.meeting", b.Meeting, required: false);
                if (b.Id is not null && !_bodyIds.Add(b.Id))
                {
                    Add($"{path}.id", $"Body id \"{b.Id}\" is used twice.", ServerPhrases.DefBodyIdTwice.With(("id", b.Id)));
                }
                // The officers' names reach the console, the report and the CSV: the same checks as every other name.
                Text($"{path}.officers.chair", b.Officers?.Chair, required: false);
                Text($"{path}.officers.rapporteur", b.Officers?.Rapporteur, required: false);
                var viceChairs = b.Officers?.ViceChairs ?? [];
                if (viceChairs.Count > MaxViceChairs)
                {
                    Add($"{path}.officers.viceChairs", $"At most {MaxViceChairs} Vice-Chairs.", ServerPhrases.DefTooManyViceChairs.With(("count", MaxViceChairs)));
                }
                for (var v = 0; v < viceChairs.Count && v < MaxViceChairs; v++)
                {
                    Text($"{path}.officers.viceChairs[{v}]", viceChairs[v], required: false);
                }
                var names = OtherLanguages($"{path}.names", b.Names, MaxTextLength);
                result.Add(new Body(b.Id ?? "", b.Name?.Trim() ?? "", b.Symbol?.Trim(), b.Meeting?.Trim(), Officers(b.Officers), names));
                _numbersByBody[b.Id ?? ""] = new Dictionary<string, string>(StringComparer.Ordinal);
            }
            return result;
        }

        private void Items(IReadOnlyList<ItemDefinition>? items)
        {
            if (items is null || items.Count == 0)
            {
                Add("$.items", "At least one agenda item is required.", ServerPhrases.DefItemsRequired.With());
                return;
            }
            ItemList("$.items", items, parent: null, depth: 1);
            if (_ordered.Count > MaxItems)
            {
                Add("$.items", $"{_ordered.Count} items; at most {MaxItems} are accepted.", ServerPhrases.DefTooManyItems.With(("found", _ordered.Count), ("count", MaxItems)));
            }
            foreach (var body in _bodyIds.Where(b => _ordered.All(i => !i.Numbers.ContainsKey(b))))
            {
                Add("$.items", $"Body \"{body}\" has no agenda items.", ServerPhrases.DefBodyWithoutItems.With(("body", body)));
            }
        }

        private void ItemList(string path, IReadOnlyList<ItemDefinition> items, AgendaItem? parent, int depth)
        {
            for (var i = 0; i < items.Count; i++)
            {
                var itemPath = $"{path}[{i}]";
                if (items[i] is not { } d)
                {
                    Add(itemPath, "An item must be an object, found null.", ServerPhrases.DefItemNull.With());
                    continue;
                }
                var item = Item(itemPath, d, parent);
                if (d.SubItems is { Count: > 0 } subItems)
                {
                    if (depth >= MaxSubItemDepth)
                    {
                        Add($"{itemPath}.subItems", $"Sub-items nest at most {MaxSubItemDepth} levels deep.", ServerPhrases.DefSubItemsTooDeep.With(("count", MaxSubItemDepth)));
                    }
                    else
                    {
                        ItemList($"{itemPath}.subItems", subItems, item, depth + 1);
                    }
                }
            }
        }

        private AgendaItem Item(string path, ItemDefinition d, AgendaItem? parent)
        {
            Id($"{path}.id", d.Id, "item");
            if (d.Id is not null && _items.ContainsKey(d.Id))
            {
                Add($"{path}.id", $"Item id \"{d.Id}\" is used twice.", ServerPhrases.DefItemIdTwice.With(("id", d.Id)));
            }
            Text($"{path}.title", d.Title, required: true);
            if (!Enum.IsDefined(d.Kind))
            {
                Add($"{path}.kind", $"Unknown kind {d.Kind}.", ServerPhrases.DefUnknownKind.With(("found", (int)d.Kind)));
            }

            var numbers = new Dictionary<string, string>(StringComparer.Ordinal);
            if (d.Numbers is null || d.Numbers.Count == 0)
            {
                Add($"{path}.numbers", "An item needs its number on at least one body's agenda, e.g. {\"wg3\": \"1 (a)\"}.", ServerPhrases.DefNumbersRequired.With());
            }
            else
            {
                foreach (var (body, number) in d.Numbers)
                {
                    var numberPath = $"{path}.numbers.{body}";
                    if (!_bodyIds.Contains(body))
                    {
                        Add(numberPath, $"Unknown body \"{body}\"; the bodies are {string.Join(", ", _bodyIds.Select(b => $"\"{b}\""))}.",
                            ServerPhrases.DefUnknownBody.With(("id", body), ("bodies", _bodyIds)));
                        continue;
                    }
                    if (string.IsNullOrWhiteSpace(number) || number.Length > 16 || number.Any(char.IsControl))
                    {
                        Add(numberPath, "An item number is 1–16 characters, e.g. \"2\" or \"1 (a)\".", ServerPhrases.DefNumberShape.With());
                        continue;
                    }
                    var normalized = number.Trim();
                    if (_numbersByBody[body].TryGetValue(normalized, out var other))
                    {
                        Add(numberPath, $"Number \"{normalized}\" is already item \"{other}\" on the agenda of \"{body}\".",
                            ServerPhrases.DefNumberTaken.With(("number", normalized), ("id", other), ("body", body)));
                    }
                    else
                    {
                        _numbersByBody[body][normalized] = d.Id ?? "";
                    }
                    if (parent is not null && !parent.Numbers.ContainsKey(body))
                    {
                        Add(numberPath, $"A sub-item can only be on agendas its parent \"{parent.Id}\" is on.", ServerPhrases.DefSubItemOffParent.With(("id", parent.Id)));
                    }
                    numbers[body] = normalized;
                }
            }

            var annotation = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (body, text) in d.Annotation ?? new Dictionary<string, string>())
            {
                if (!numbers.ContainsKey(body))
                {
                    Add($"{path}.annotation.{body}", $"Annotation for \"{body}\", but the item is not on that body's agenda.",
                        ServerPhrases.DefAnnotationOffAgenda.With(("body", body)));
                    continue;
                }
                Text($"{path}.annotation.{body}", text, required: false, max: MaxAnnotationLength);
                annotation[body] = text ?? "";
            }

            var documents = new List<Document>();
            var documentList = d.Documents ?? [];
            for (var i = 0; i < documentList.Count; i++)
            {
                var docPath = $"{path}.documents[{i}]";
                if (documentList[i] is not { } doc)
                {
                    Add(docPath, "A document must be an object, found null.", ServerPhrases.DefDocumentNull.With());
                    continue;
                }
                if (doc.Symbols is null || doc.Symbols.Count == 0 || doc.Symbols.Any(string.IsNullOrWhiteSpace))
                {
                    Add($"{docPath}.symbols", "A document needs at least one symbol, e.g. \"CTOC/COP/WG.3/2022/2\".", ServerPhrases.DefDocumentSymbols.With());
                }
                Text($"{docPath}.title", doc.Title, required: false, max: 2000);
                var documentTitles = OtherLanguages($"{docPath}.titles", doc.Titles, 2000);
                documents.Add(new Document((doc.Symbols ?? []).Select(s => s?.Trim() ?? "").ToList(), doc.Title?.Trim(), doc.Date, documentTitles));
            }

            var adoptable = d.Adoptable ?? d.Kind is ItemKind.Agenda or ItemKind.Report;
            var titles = OtherLanguages($"{path}.titles", d.Titles, MaxTextLength);
            var item = new AgendaItem(d.Id ?? "", numbers, d.Title?.Trim() ?? "", d.Kind, adoptable, parent?.Id, annotation, documents, titles);
            if (d.Id is not null)
            {
                _items.TryAdd(d.Id, item);
            }
            _ordered.Add(item);
            return item;
        }

        private List<Session> Sessions(MeetingDefinition d, TimeZoneInfo zone)
        {
            var result = new List<Session>();
            if (d.Sessions is null || d.Sessions.Count == 0)
            {
                Add("$.sessions", "At least one session is required: the organization of work says when the bodies sit.", ServerPhrases.DefSessionsRequired.With());
                return result;
            }
            if (d.Sessions.Count > MaxSessions)
            {
                Add("$.sessions", $"{d.Sessions.Count} sessions; at most {MaxSessions} are accepted.", ServerPhrases.DefTooManySessions.With(("found", d.Sessions.Count), ("count", MaxSessions)));
                return result;
            }
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < d.Sessions.Count; i++)
            {
                var path = $"$.sessions[{i}]";
                if (d.Sessions[i] is not { } s)
                {
                    Add(path, "A session must be an object, found null.", ServerPhrases.DefSessionNull.With());
                    continue;
                }
                Id($"{path}.id", s.Id, "session");
                if (s.Id is not null && !ids.Add(s.Id))
                {
                    Add($"{path}.id", $"Session id \"{s.Id}\" is used twice.", ServerPhrases.DefSessionIdTwice.With(("id", s.Id)));
                }
                var start = Instant($"{path}.start", s.Start, zone, d);
                var end = Instant($"{path}.end", s.End, zone, d);
                if (start is not null && end is not null)
                {
                    if (end <= start)
                    {
                        Add($"{path}.end", $"The session ends ({s.End:yyyy-MM-ddTHH:mm}) at or before it starts ({s.Start:yyyy-MM-ddTHH:mm}).",
                            ServerPhrases.DefSessionEndsBeforeStarts.With(("localStart", Local(s.Start)), ("localEnd", Local(s.End))));
                    }
                    else if (end - start > TimeSpan.FromHours(24))
                    {
                        Add($"{path}.end", "A session lasts at most 24 hours.", ServerPhrases.DefSessionTooLong.With());
                    }
                }
                if (!Enum.IsDefined(s.Format))
                {
                    Add($"{path}.format", $"Unknown format {s.Format}.", ServerPhrases.DefUnknownFormat.With(("found", (int)s.Format)));
                }
                if (s.CapMinutes is < 1 or > 24 * 60)
                {
                    Add($"{path}.capMinutes", $"A cap is 1–1440 minutes, found {s.CapMinutes}.", ServerPhrases.DefCapRange.With(("found", s.CapMinutes)));
                }
                if (s.CapFrom is { } from && !Enum.IsDefined(from))
                {
                    Add($"{path}.capFrom", $"A cap counts from \"bookedStart\" (the default) or \"actualStart\", found {from}.", ServerPhrases.DefCapFrom.With(("found", (int)from)));
                }
                var bodies = SessionBodies(path, s.Bodies);
                var planned = Planned(path, s.Items, bodies);
                var cap = s.CapMinutes ?? (s.Format == SessionFormat.Hybrid ? Session.DefaultHybridCapMinutes : null);
                result.Add(new Session(s.Id ?? "", s.Start, s.End, start ?? default, end ?? default, bodies, s.Format, cap, planned,
                    s.CapFrom ?? Planning.CapFrom.BookedStart));
            }
            Overlaps(result);
            return result;
        }

        private DateTimeOffset? Instant(string path, DateTime local, TimeZoneInfo zone, MeetingDefinition d)
        {
            if (local.Kind != DateTimeKind.Unspecified)
            {
                Add(path, "Give the local time at the venue without an offset or 'Z', e.g. \"2022-05-23T10:00\".", ServerPhrases.DefLocalTimeOnly.With());
                return null;
            }
            var date = DateOnly.FromDateTime(local);
            // Without the meeting's dates (a draft) only those are reported, not every sitting against them.
            if (date < d.StartDate || date > d.EndDate)
            {
                Add(path, $"{local:yyyy-MM-dd} is outside the meeting's dates ({d.StartDate:yyyy-MM-dd} to {d.EndDate:yyyy-MM-dd}).",
                    ServerPhrases.DefOutsideDates.With(("date", date), ("startDate", d.StartDate), ("endDate", d.EndDate)));
            }
            if (zone.IsInvalidTime(local))
            {
                Add(path, $"{local:yyyy-MM-ddTHH:mm} does not exist in {zone.Id} (the clocks skip it).",
                    ServerPhrases.DefTimeSkipped.With(("localStart", Local(local)), ("zone", zone.Id)));
                return null;
            }
            // An ambiguous local time (clocks going back) is read as the earlier of the two instants.
            var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
            return new DateTimeOffset(local, offset).ToUniversalTime();
        }

        private List<string> SessionBodies(string path, IReadOnlyList<string>? bodies)
        {
            var result = new List<string>();
            if (bodies is null || bodies.Count == 0)
            {
                Add($"{path}.bodies", "A session needs at least one body that sits in it.", ServerPhrases.DefSessionBodiesRequired.With());
                return result;
            }
            for (var i = 0; i < bodies.Count; i++)
            {
                var body = bodies[i];
                if (body is null || !_bodyIds.Contains(body))
                {
                    Add($"{path}.bodies[{i}]", $"Unknown body \"{body}\".", ServerPhrases.DefUnknownSessionBody.With(("id", body)));
                }
                else if (result.Contains(body))
                {
                    Add($"{path}.bodies[{i}]", $"Body \"{body}\" is listed twice.", ServerPhrases.DefBodyListedTwice.With(("body", body)));
                }
                else
                {
                    result.Add(body);
                }
            }
            return result;
        }

        private List<PlannedItem> Planned(string path, IReadOnlyList<PlannedItem>? planned, List<string> bodies)
        {
            var result = new List<PlannedItem>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var list = planned ?? [];
            for (var i = 0; i < list.Count; i++)
            {
                var itemPath = $"{path}.items[{i}].item";
                if (list[i] is not { } p || p.Item is null)
                {
                    Add($"{path}.items[{i}]", "A planned item must be an object with an \"item\" id.", ServerPhrases.DefPlannedItemShape.With());
                    continue;
                }
                if (!_items.TryGetValue(p.Item, out var item))
                {
                    Add(itemPath, $"Unknown item \"{p.Item}\".", ServerPhrases.DefUnknownItem.With(("id", p.Item)));
                    continue;
                }
                if (!seen.Add(p.Item))
                {
                    Add(itemPath, $"Item \"{p.Item}\" is planned twice in this session.", ServerPhrases.DefPlannedTwice.With(("id", p.Item)));
                    continue;
                }
                var missing = item.Numbers.Keys.Where(b => !bodies.Contains(b)).ToList();
                if (missing.Count > 0)
                {
                    Add(itemPath, item.IsJoint
                        ? $"\"{p.Item}\" is a joint item of {string.Join(" and ", item.Numbers.Keys)}; it can only be planned in a session where all of them sit (missing: {string.Join(", ", missing)})."
                        : $"\"{p.Item}\" is on the agenda of \"{missing[0]}\", which does not sit in this session.",
                        item.IsJoint
                        ? ServerPhrases.DefJointItemSitting.With(("id", p.Item), ("bodies", item.Numbers.Keys), ("missing", missing))
                        : ServerPhrases.DefItemBodyNotSitting.With(("id", p.Item), ("body", missing[0])));
                    continue;
                }
                result.Add(p);
            }
            return result;
        }

        private void Overlaps(List<Session> sessions)
        {
            for (var i = 0; i < sessions.Count; i++)
            {
                for (var j = i + 1; j < sessions.Count; j++)
                {
                    var (a, b) = (sessions[i], sessions[j]);
                    if (a.Start < b.End && b.Start < a.End && a.End > a.Start && b.End > b.Start)
                    {
                        var shared = a.Bodies.Intersect(b.Bodies).ToList();
                        if (shared.Count > 0)
                        {
                            Add($"$.sessions[{j}]", $"Session \"{b.Id}\" overlaps session \"{a.Id}\" for body \"{shared[0]}\"; a body sits in one session at a time.",
                                ServerPhrases.DefSessionsOverlap.With(("id", b.Id), ("other", a.Id), ("body", shared[0])));
                        }
                    }
                }
            }
        }
    }
}
