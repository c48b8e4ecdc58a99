using System.Text;
using MeetingOps.Domain.Definition;

namespace MeetingOps.Domain.Import;

/// <summary>
/// Imports the text of an annotated provisional agenda (pasted, or extracted from a PDF or Word file) into a
/// <see cref="MeetingDefinition"/> ready to run, with a warning for everything it had to assume.
/// <para>
/// Never throws and never hangs: any input (empty, binary, huge, hostile) gives either a definition that passes
/// <see cref="DefinitionValidator"/> with warnings, or errors that say what was missing and where. Work is linear
/// in the input: single-pass scanners instead of backtracking regular expressions, caps on every collection, and a
/// work budget proportional to the input size behind them.
/// </para>
/// </summary>
public static class AgendaImporter
{
    /// <summary>Largest document accepted, in UTF-8 bytes (2 MiB). The sample agendas are under 40 KB.</summary>
    public const int MaxInputBytes = 2 * 1024 * 1024;

    /// <summary>Imports UTF-8 text (a byte order mark is ignored; invalid sequences become U+FFFD and count as undecodable).</summary>
    public static ImportResult Import(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxInputBytes)
        {
            return TooLarge(utf8.Length);
        }
        if (utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF)
        {
            utf8 = utf8[3..];
        }
        return Import(Encoding.UTF8.GetString(utf8));
    }

    /// <summary>Imports the text of an agenda document.</summary>
    public static ImportResult Import(string? text) => Import(text, out _);

    /// <summary>As <see cref="Import(string)"/>, also giving the work done (for the linearity tests and the fuzz harness).</summary>
    internal static ImportResult Import(string? text, out long work)
    {
        work = 0;
        text ??= "";
        if (text.Length > MaxInputBytes)
        {
            return TooLarge(text.Length);
        }
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > MaxInputBytes)
        {
            return TooLarge(bytes);
        }
        var meter = new WorkMeter(text.Length);
        var log = new ImportLog();
        try
        {
            var result = Run(text, meter, log);
            work = meter.Used;
            return result;
        }
        catch (WorkBudgetExceededException)
        {
            work = meter.Used;
            return ImportResult.Failed(new ImportError(0, ImportErrorCodes.TooComplex,
                "The document has more structure than the importer will look at for its size; it does not look like an agenda.", ServerPhrases.ImportTooComplex.With()), log.Warnings());
        }
        catch (Exception e) when (e is not OutOfMemoryException and not StackOverflowException)
        {
            // Never expected: reported, not thrown, so one odd document cannot take a caller down. The tests fail on it.
            work = meter.Used;
            return ImportResult.Failed(new ImportError(0, ImportErrorCodes.Internal,
                $"The importer failed on this document ({e.GetType().Name}: {e.Message}). Please report it with the document.",
                ServerPhrases.ImportFailed.With(("reason", $"{e.GetType().Name}: {e.Message}"))), log.Warnings());
        }
    }

    /// <summary>The date a draft carries when the document gives none and has no issue date either.</summary>
    internal static readonly DateOnly PlaceholderDate = new(2000, 1, 1);

    private static ImportResult TooLarge(long size) =>
        ImportResult.Failed(new ImportError(0, ImportErrorCodes.TooLarge,
            $"The document is {size:N0} bytes; at most {MaxInputBytes:N0} bytes ({MaxInputBytes / (1024 * 1024)} MiB) are accepted.",
            ServerPhrases.ImportTooLarge.With(("size", size), ("limit", MaxInputBytes))));

    private static ImportResult Run(string text, WorkMeter meter, ImportLog log)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return ImportResult.Failed(new ImportError(0, ImportErrorCodes.Empty, "The document is empty: paste or upload the text of an annotated provisional agenda.",
                ServerPhrases.ImportEmpty.With()));
        }
        if (CheckText(text, log) is { } notText)
        {
            return ImportResult.Failed(notText, log.Warnings());
        }

        var lines = SourceText.Read(text, meter, log, out var documentSymbol);
        var reader = new AgendaReader(lines, meter, log);
        reader.FindRegions();
        reader.ReadCover();
        reader.FindVenueElsewhere();
        reader.ReadAgendaList();
        reader.FinishTitles();
        // A second reading that ignores layout: agendas run into one line, web pages, orders of the day and "Item 3"
        // headings defeat the structured reading but not their numbering. Its items win when they are more, or as many with cleaner titles.
        var loose = LooseAgenda.Read(text, meter);
        var structured = reader.StructuredItemCount;
        if (reader.PrefersLoose(loose))
        {
            reader.UseLooseAgenda(loose);
            if (structured == 0)
            {
                log.Warn(loose[0].Line, $"The agenda list was read from its numbering alone ({loose.Count} items); check the items and their nesting.",
                    ServerPhrases.ImportNumberingOnly.With(("count", loose.Count)));
            }
            else
            {
                log.Warn(loose[0].Line, $"The agenda list was read from its numbering alone ({loose.Count} items, against {structured} from its layout); check the items and their nesting.",
                    ServerPhrases.ImportNumberingOnlyAgainst.With(("count", loose.Count), ("layout", structured)));
            }
        }
        var bodies = reader.Bodies.Where(b => b.Items.Count > 0).ToList();
        foreach (var empty in reader.Bodies.Where(b => b.Items.Count == 0))
        {
            log.Warn(empty.Line, $"The {empty.Name} has no agenda items; left out.", ServerPhrases.ImportBodyNoItems.With(("body", empty.Name)));
        }
        if (bodies.Count == 0)
        {
            var where = reader.AgendaStart < lines.Count ? lines[reader.AgendaStart].Number : 0;
            return ImportResult.Failed(new ImportError(where, ImportErrorCodes.NoAgenda,
                "No agenda items found: expected numbered items such as \"1. Organizational matters\" (with \"(a)\" sub-items) after a \"Provisional agenda\" heading.",
                ServerPhrases.ImportNoAgenda.With()), log.Warnings());
        }
        reader.Bodies.RemoveAll(b => b.Items.Count == 0);
        for (var i = 0; i < bodies.Count; i++)
        {
            bodies[i].Order = i;
        }
        reader.ReadAnnotations();

        var items = JointItems.Merge(bodies, meter, log);
        AssignItemIds(items);
        var meetingYear = reader.Start?.Year;
        NameBodies(bodies, meetingYear ?? reader.Issued?.Year, documentSymbol, lines, meter, log);
        var coverOrdinals = reader.CoverOrdinals.Select(o => (o.Ordinal, o.Noun)).Distinct().ToList();
        if (coverOrdinals.Count == 1)
        {
            foreach (var body in bodies.Where(b => b.Ordinal is null))
            {
                (body.Ordinal, body.Noun) = coverOrdinals[0];
            }
        }

        var work = new OrganizationOfWork(lines, reader, meter, log);
        work.Read(meetingYear ?? reader.Issued?.Year, reader.Start, reader.End);

        // Dates: the cover's, else the organization of work's.
        var start = reader.Start;
        var end = reader.End;
        if (start is null && work.Dates.Count > 0)
        {
            start = work.Dates.Min();
            end = work.Dates.Max();
            log.Warn(0, $"No venue and dates line (such as \"Vienna, 23–27 May 2022\") was found; the meeting's dates ({start:yyyy-MM-dd} to {end:yyyy-MM-dd}) are taken from the organization of work.",
                ServerPhrases.ImportDatesFromWork.With(("from", start.Value), ("to", end!.Value)));
        }
        var gaps = new List<ImportGap>();
        if (start is null || end is null)
        {
            // A missing date must not cost the officer the agenda: the items are kept and the dates become a gap
            // in a draft. The placeholder is the issue date when there is one, so the draft sorts near its document.
            start = end = reader.Issued ?? PlaceholderDate;
            const string message = "No meeting dates found (expected a venue and dates line such as \"Vienna, 23–27 May 2022\", or dated rows in an organization of work); enter the dates before the meeting.";
            var phrase = ServerPhrases.ImportNoDates.With();
            log.Warn(0, message, phrase);
            gaps.Add(new ImportGap(ImportGapFields.Dates, 0, message, phrase));
        }

        var venue = reader.Venue;
        if (venue is null)
        {
            venue = "Venue to be announced";
            log.Warn(0, "No venue found; the venue is \"Venue to be announced\" and the time zone UTC. Correct both before the meeting.", ServerPhrases.ImportNoVenue.With());
            gaps.Add(new ImportGap(ImportGapFields.Venue, 0, "No venue found; enter the venue (and so its time zone).", ServerPhrases.ImportGapVenue.With()));
        }
        var timeZone = Venues.TimeZoneOf(venue);
        if (timeZone is null || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            if (reader.Venue is not null)
            {
                var named = TextTools.Cut(venue, 60);
                log.Warn(reader.VenueLine, $"The time zone of \"{named}\" is not known to the importer; UTC is assumed. Correct it before the meeting.",
                    ServerPhrases.ImportTimeZoneUnknown.With(("venue", named)));
                gaps.Add(new ImportGap(ImportGapFields.TimeZone, reader.VenueLine, $"The time zone of \"{named}\" is not known; UTC is assumed until it is entered.",
                    ServerPhrases.ImportGapTimeZone.With(("venue", named))));
            }
            timeZone = "UTC";
        }

        var sessions = work.Sessions(bodies);
        if (!work.Found)
        {
            log.Warn(0, "No organization of work (a table of dates, times and items) was found; sittings 10 a.m.–1 p.m. and 3–6 p.m. are assumed on each day for all bodies together, with no items planned.",
                ServerPhrases.ImportNoWork.With());
            gaps.Add(new ImportGap(ImportGapFields.Sittings, 0, "No organization of work found; the sittings are assumed (10 a.m.–1 p.m. and 3–6 p.m. each day) until they are entered.",
                ServerPhrases.ImportGapSittings.With()));
        }
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        sessions = CheckSessions(sessions, start.Value, end.Value, zone, work.SessionLines, log);
        if (sessions.Count == 0)
        {
            if (work.Found)
            {
                log.Warn(0, "No sitting could be read from the organization of work; sittings 10 a.m.–1 p.m. and 3–6 p.m. are assumed on each day for all bodies together, with no items planned.",
                    ServerPhrases.ImportNoSittingRead.With());
            }
            sessions = AssumedSessions(start.Value, end.Value, bodies, zone);
            if (!gaps.Any(g => g.Field == ImportGapFields.Sittings))
            {
                gaps.Add(new ImportGap(ImportGapFields.Sittings, 0, "No sitting could be read from the organization of work; the sittings are assumed until they are entered.",
                    ServerPhrases.ImportGapNoSittingRead.With()));
            }
        }

        var definition = new MeetingDefinition(
            Title: TextTools.Cut(MeetingTitle(bodies), DefinitionValidator.MaxTextLength),
            Venue: TextTools.Cut(venue, DefinitionValidator.MaxTextLength),
            TimeZone: timeZone,
            StartDate: start.Value,
            EndDate: end.Value,
            Bodies: bodies.Select(b => new BodyDefinition(b.Id!, TextTools.Cut(b.Name, DefinitionValidator.MaxTextLength), b.Symbol, b.Ordinal)).ToList(),
            Items: items.Select(Item).ToList(),
            Sessions: sessions,
            ParentBody: reader.ParentBody is null ? null : TextTools.Cut(reader.ParentBody, DefinitionValidator.MaxTextLength),
            Symbol: documentSymbol,
            Issued: reader.Issued);

        var check = DefinitionValidator.Validate(definition);
        if (!check.IsValid)
        {
            var errors = check.Problems.Take(50).Select(p => new ImportError(0, ImportErrorCodes.Invalid, $"The imported meeting is not valid: {p}", ServerPhrases.ImportInvalid.With(("reason", p.ToString())))).ToList();
            return new ImportResult(null, log.Warnings(), errors);
        }
        return new ImportResult(definition, log.Warnings(), []) { Gaps = gaps };
    }

    /// <summary>Refuses binary input; replaces stray control characters (and says so).</summary>
    private static ImportError? CheckText(string text, ImportLog log)
    {
        var bad = 0;
        var firstBadLine = 0;
        var line = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                continue;
            }
            var isBad = c == '\uFFFD' || (char.IsControl(c) && c is not '\t' and not '\r' and not '\f' and not '\v' and not '\u0085')
                || (char.IsHighSurrogate(c) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])))
                || (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1])));
            if (isBad)
            {
                bad++;
                firstBadLine = firstBadLine == 0 ? line : firstBadLine;
            }
        }
        if (bad > 0 && (bad * 20 > text.Length || text.Contains('\0', StringComparison.Ordinal) && bad * 100 > text.Length))
        {
            return new ImportError(firstBadLine, ImportErrorCodes.NotText,
                $"This does not look like text: {bad:N0} of {text.Length:N0} characters are control characters or undecodable bytes. Upload the agenda as plain UTF-8 text.",
                ServerPhrases.ImportNotText.With(("count", bad), ("total", text.Length)));
        }
        if (bad > 0)
        {
            log.Warn(firstBadLine, $"{bad:N0} control character(s) or undecodable byte(s) were read as spaces, the first here.",
                ServerPhrases.ImportControlCharacters.With(("count", bad)));
        }
        return null;
    }

    // ---------------------------------------------------------------- items

    private static void AssignItemIds(List<MergedItem> items)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);

        void Assign(MergedItem item)
        {
            var baseId = BaseId(item.First);
            var id = baseId;
            for (var n = 2; !used.Add(id); n++)
            {
                id = $"{TextTools.Cut(baseId, 58)}-{n}";
            }
            item.Id = id;
            foreach (var child in item.Children)
            {
                Assign(child);
            }
        }

        foreach (var item in items)
        {
            Assign(item);
        }
    }

    private static string BaseId(ItemDraft item)
    {
        var title = TextTools.Norm(item.Title);
        return KindOf(item.Title) switch
        {
            ItemKind.Organizational => "organizational-matters",
            ItemKind.Opening => "opening",
            ItemKind.Agenda => "adoption-of-agenda",
            ItemKind.OtherMatters => "other-matters",
            ItemKind.Report => title.Contains("joint report", StringComparison.Ordinal) ? "joint-report" : "report",
            _ => TextTools.Slug(item.Title) is { Length: > 0 } slug ? slug : "item-" + TextTools.Slug(item.Number.Replace('(', ' ').Replace(')', ' ')),
        };
    }

    internal static ItemKind KindOf(string title)
    {
        var t = TextTools.Norm(title);
        if (t.StartsWith("organizational matters", StringComparison.Ordinal) || t.StartsWith("organisational matters", StringComparison.Ordinal) || t == "procedural matters" || t == "organizational and procedural matters")
        {
            return ItemKind.Organizational;
        }
        if (t.StartsWith("opening of", StringComparison.Ordinal) || t == "opening")
        {
            return ItemKind.Opening;
        }
        if (t.StartsWith("adoption of the agenda", StringComparison.Ordinal) || t.StartsWith("adoption of agenda", StringComparison.Ordinal) || t.StartsWith("adoption of the provisional agenda", StringComparison.Ordinal))
        {
            return ItemKind.Agenda;
        }
        if (t.StartsWith("other matters", StringComparison.Ordinal) || t.StartsWith("any other business", StringComparison.Ordinal) || t == "other business" || t == "miscellaneous")
        {
            return ItemKind.OtherMatters;
        }
        if (t.StartsWith("adoption of the report", StringComparison.Ordinal) || t.StartsWith("adoption of the joint report", StringComparison.Ordinal)
            || t.StartsWith("adoption of report", StringComparison.Ordinal) || t.StartsWith("adoption of the draft report", StringComparison.Ordinal)
            || t.StartsWith("consideration and adoption of the report", StringComparison.Ordinal) || t.StartsWith("adoption of the final report", StringComparison.Ordinal))
        {
            return ItemKind.Report;
        }
        return ItemKind.Substantive;
    }

    private static ItemDefinition Item(MergedItem merged)
    {
        var first = merged.First;
        var kind = KindOf(first.Title);
        var title = TextTools.Norm(first.Title);
        bool? adoptable = kind == ItemKind.Substantive && (title.Contains("adoption", StringComparison.Ordinal) || title.StartsWith("adopt", StringComparison.Ordinal)) ? true : null;
        var numbers = new Dictionary<string, string>(StringComparer.Ordinal);
        var annotation = new Dictionary<string, string>(StringComparer.Ordinal);
        var documents = new List<DocumentReference>();
        foreach (var member in merged.Members.OrderBy(m => m.Body.Order))
        {
            numbers[member.Body.Id!] = member.Number;
            if (member.Paragraphs.Count > 0)
            {
                annotation[member.Body.Id!] = TextTools.Cut(string.Join("\n\n", member.Paragraphs), DefinitionValidator.MaxAnnotationLength);
            }
            foreach (var document in member.Documents)
            {
                if (!documents.Any(d => d.Symbols.SequenceEqual(document.Symbols, StringComparer.Ordinal)))
                {
                    documents.Add(document);
                }
            }
        }
        return new ItemDefinition(
            merged.Id,
            numbers,
            first.Title,
            kind,
            adoptable,
            annotation.Count > 0 ? annotation : null,
            documents.Count > 0 ? documents : null,
            merged.Children.Count > 0 ? merged.Children.Select(Item).ToList() : null);
    }

    // ---------------------------------------------------------------- bodies

    private static void NameBodies(List<BodyDraft> bodies, int? meetingYear, string? documentSymbol, List<SourceLine> lines, WorkMeter meter, ImportLog log)
    {
        // Symbols: the stem of the documents under each body's items, documents of the meeting's year counting most.
        var scores = new List<(BodyDraft Body, string Stem, int Score)>();
        foreach (var body in bodies)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var item in body.AllItems())
            {
                foreach (var document in item.Merged!.Members.SelectMany(m => m.Documents))
                {
                    foreach (var symbol in document.Symbols)
                    {
                        if (DocumentSymbols.Stem(symbol, out var year) is { } stem)
                        {
                            counts[stem] = counts.GetValueOrDefault(stem) + (year == meetingYear ? 3 : 1);
                        }
                    }
                }
            }
            if (bodies.Count == 1 && documentSymbol is not null && DocumentSymbols.Stem(documentSymbol, out _) is { } own)
            {
                counts[own] = counts.GetValueOrDefault(own) + 10;
            }
            scores.AddRange(counts.Select(c => (body, c.Key, c.Value)));
        }
        var takenStems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (body, stem, _) in scores.OrderByDescending(s => s.Score).ThenBy(s => s.Body.Order).ThenBy(s => s.Stem, StringComparer.Ordinal))
        {
            if (body.Symbol is null && takenStems.Add(stem))
            {
                body.Symbol = stem;
            }
        }
        // Ids: the last part of the symbol ("CTOC/COP/WG.3" → "wg3"), else the initials of the name.
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var body in bodies)
        {
            var id = body.Symbol is { } symbol ? IdOf(symbol[(symbol.LastIndexOf('/') + 1)..]) : "";
            if (id.Length == 0 || ids.Contains(id))
            {
                id = Initials(body.Name);
                if (body.Symbol is null)
                {
                    log.Warn(body.Line, $"No document symbol was found for the {body.Name}; its id \"{id}\" is made from its name.",
                        ServerPhrases.ImportBodyNoSymbol.With(("body", body.Name), ("id", id)));
                }
            }
            var unique = id;
            for (var n = 2; !ids.Add(unique); n++)
            {
                unique = $"{id}-{n}";
            }
            body.Id = unique;
        }
        FindOrdinals(bodies, lines, meter);
    }

    private static string IdOf(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                sb.Append(c);
            }
        }
        return TextTools.Cut(sb.ToString(), 32);
    }

    private static string Initials(string name)
    {
        var sb = new StringBuilder();
        foreach (var word in TextTools.Norm(name).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word is "of" or "on" or "the" or "and" or "for" or "to" or "in" or "a" or "an" or "against")
            {
                continue;
            }
            var c = word[0];
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                sb.Append(c);
            }
        }
        var id = TextTools.Cut(sb.ToString(), 16);
        return id.Length == 0 ? "body" : id;
    }

    /// <summary>
    /// "The thirteenth meeting of the Working Group on International Cooperation will be opened …": the ordinal that
    /// precedes the body's full name; the one in the opening sentence wins, else the highest (earlier meetings are
    /// mentioned as history, never later ones).
    /// </summary>
    private static void FindOrdinals(List<BodyDraft> bodies, List<SourceLine> lines, WorkMeter meter)
    {
        foreach (var body in bodies)
        {
            if (body.Name.Length < 5)
            {
                continue;
            }
            var best = (Value: 0, Word: "", Noun: "meeting", Opening: false);
            var seen = 0;
            foreach (var line in lines)
            {
                var text = line.Text;
                meter.Charge(text.Length + 1);
                var at = text.IndexOf(body.Name, StringComparison.OrdinalIgnoreCase);
                for (; at >= 0 && seen < 500; seen++)
                {
                    if (OrdinalBefore(text, at) is { } found)
                    {
                        var after = text.Substring(at + body.Name.Length, Math.Min(40, text.Length - at - body.Name.Length));
                        var opening = after.Contains("will be opened", StringComparison.Ordinal) || after.Contains("will open", StringComparison.Ordinal);
                        if ((opening && !best.Opening) || (opening == best.Opening && found.Value > best.Value))
                        {
                            best = (found.Value, found.Word, found.Noun, opening);
                        }
                    }
                    at = text.IndexOf(body.Name, at + body.Name.Length, StringComparison.OrdinalIgnoreCase);
                }
            }
            if (best.Value > 0)
            {
                body.Ordinal = best.Word;
                body.OrdinalValue = best.Value;
                body.Noun = best.Noun;
            }
        }
    }

    /// <summary>"… thirteenth meeting of the " just before <paramref name="at"/>.</summary>
    private static (int Value, string Word, string Noun)? OrdinalBefore(string text, int at)
    {
        var head = text.Substring(Math.Max(0, at - 60), Math.Min(60, at)).ToLowerInvariant();
        foreach (var noun in new[] { "meeting", "session", "meetings", "sessions" })
        {
            var marker = $" {noun} of the ";
            if (!head.EndsWith(marker, StringComparison.Ordinal))
            {
                continue;
            }
            var before = head[..^marker.Length];
            var word = before[(before.LastIndexOf(' ') + 1)..];
            var value = Ordinals.Value(word);
            return value > 0 ? (value, word, noun.TrimEnd('s')) : null;
        }
        return null;
    }

    private static string MeetingTitle(List<BodyDraft> bodies)
    {
        static string Names(IEnumerable<BodyDraft> list)
        {
            var names = list.Select(b => "the " + b.Name).ToList();
            return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
        }

        var ordinals = bodies.Select(b => (b.Ordinal, b.Noun)).Distinct().ToList();
        if (ordinals.Count == 1 && ordinals[0].Ordinal is { } ordinal)
        {
            var noun = bodies.Count == 1 ? ordinals[0].Noun : ordinals[0].Noun + "s";
            return TextTools.Capitalize($"{ordinal} {noun} of {Names(bodies)}");
        }
        if (bodies.All(b => b.Ordinal is not null))
        {
            var parts = bodies.Select(b => $"{b.Ordinal} {b.Noun} of the {b.Name}").ToList();
            return TextTools.Capitalize(parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1]);
        }
        return (bodies.Count == 1 ? "Meeting of " : "Meetings of ") + Names(bodies);
    }

    // ---------------------------------------------------------------- sessions

    private static List<SessionDefinition> CheckSessions(List<SessionDefinition> sessions, DateOnly start, DateOnly end, TimeZoneInfo zone, Dictionary<string, int> lines, ImportLog log)
    {
        var kept = new List<SessionDefinition>();
        foreach (var session in sessions)
        {
            var line = lines.GetValueOrDefault(session.Id);
            var day = DateOnly.FromDateTime(session.Start);
            if (day < start || day > end)
            {
                log.Warn(line, $"The sitting of {day:yyyy-MM-dd} is outside the meeting's dates ({start:yyyy-MM-dd} to {end:yyyy-MM-dd}); left out.",
                    ServerPhrases.ImportSittingOutsideDates.With(("day", day), ("from", start), ("to", end)));
                continue;
            }
            if (zone.IsInvalidTime(session.Start) || zone.IsInvalidTime(session.End))
            {
                log.Warn(line, $"The sitting of {session.Start:yyyy-MM-dd HH:mm} falls in the hour the clocks skip in {zone.Id}; left out.",
                    ServerPhrases.ImportSittingSkippedHour.With(("dateTime", ImportPhrases.LocalDateTime(session.Start)), ("zone", zone.Id)));
                continue;
            }
            var clash = kept.FirstOrDefault(k => k.Start < session.End && session.Start < k.End && k.Bodies.Intersect(session.Bodies).Any());
            if (clash is not null)
            {
                log.Warn(line, $"The sitting of {session.Start:yyyy-MM-dd HH:mm} overlaps the sitting \"{clash.Id}\" for the same body; left out.",
                    ServerPhrases.ImportSittingOverlaps.With(("dateTime", ImportPhrases.LocalDateTime(session.Start)), ("session", clash.Id)));
                continue;
            }
            kept.Add(session);
        }
        return kept;
    }

    private static List<SessionDefinition> AssumedSessions(DateOnly start, DateOnly end, List<BodyDraft> bodies, TimeZoneInfo zone)
    {
        var sessions = new List<SessionDefinition>();
        var ids = bodies.Select(b => b.Id!).ToList();
        for (var day = start; day <= end && sessions.Count < DefinitionValidator.MaxSessions - 1; day = day.AddDays(1))
        {
            foreach (var (suffix, from, to) in new[] { ("am", 10, 13), ("pm", 15, 18) })
            {
                var s = day.ToDateTime(new TimeOnly(from, 0), DateTimeKind.Unspecified);
                var e = day.ToDateTime(new TimeOnly(to, 0), DateTimeKind.Unspecified);
                if (zone.IsInvalidTime(s) || zone.IsInvalidTime(e))
                {
                    continue;
                }
                sessions.Add(new SessionDefinition($"{day:yyyy-MM-dd}-{suffix}", s, e, ids, []));
            }
        }
        return sessions;
    }
}
