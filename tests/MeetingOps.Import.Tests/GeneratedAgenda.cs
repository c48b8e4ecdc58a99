using System.Globalization;
using System.Text;
using CsCheck;

namespace MeetingOps.Import.Tests;

/// <summary>
/// A random agenda (bodies, items with sub-items, joint items, documents, sittings) and its rendering as the text of
/// an annotated provisional agenda in one of several house styles. The importer must read back what was rendered.
/// </summary>
public sealed record GeneratedAgenda(
    string Venue,
    string Zone,
    DateOnly Start,
    int Days,
    IReadOnlyList<GeneratedBody> Bodies,
    IReadOnlyList<GeneratedSitting> Sittings,
    Style Style)
{
    public override string ToString() => Render();

    public string Render()
    {
        var sb = new StringBuilder();
        var end = Start.AddDays(Days - 1);
        var dates = Start.Year != end.Year
            ? $"{Start.Day} {Month(Start)} {Start.Year}–{end.Day} {Month(end)} {end.Year}"
            : Start.Month == end.Month
                ? (Days == 1 ? $"{Start.Day} {Month(Start)} {Start.Year}" : $"{Start.Day}–{end.Day} {Month(end)} {end.Year}")
                : $"{Start.Day} {Month(Start)}–{end.Day} {Month(end)} {end.Year}";
        if (Style.UnitedNationsLine)
        {
            sb.AppendLine("United Nations");
        }
        sb.AppendLine("Conference of the Parties to the Convention on Generated Matters").AppendLine();
        sb.AppendLine("Distr.: General").AppendLine("1 February 2020").AppendLine().AppendLine("Original: English").AppendLine();
        foreach (var body in Bodies)
        {
            sb.AppendLine(body.Name).AppendLine($"{Venue}, {dates}").AppendLine();
        }
        sb.AppendLine(Bodies.Count == 1 ? "Annotated provisional agenda" : "Annotated provisional agendas").AppendLine();
        foreach (var body in Bodies)
        {
            if (Bodies.Count > 1)
            {
                sb.AppendLine(body.Name).AppendLine();
            }
            foreach (var item in body.Items)
            {
                var joint = item.JointWith is not null ? " (joint item)" : "";
                sb.AppendLine($"{Top(item.Number)} {item.Title}{joint}{(item.Subs.Count > 0 ? ":" : ".")}");
                for (var s = 0; s < item.Subs.Count; s++)
                {
                    sb.AppendLine($"{Sub(s)} {item.Subs[s]}{(s + 1 < item.Subs.Count ? ";" : ".")}");
                }
            }
            sb.AppendLine();
        }
        sb.AppendLine("Annotations").AppendLine();
        foreach (var body in Bodies)
        {
            if (Bodies.Count > 1)
            {
                sb.AppendLine(body.Name).AppendLine();
            }
            foreach (var item in body.Items)
            {
                sb.AppendLine($"{Top(item.Number)} {item.Title}").AppendLine();
                if (item.Subs.Count == 0)
                {
                    Annotation(sb, body, item.Number.ToString(CultureInfo.InvariantCulture), item.Documents);
                }
                for (var s = 0; s < item.Subs.Count; s++)
                {
                    sb.AppendLine($"({(char)('a' + s)}) {item.Subs[s]}").AppendLine();
                    Annotation(sb, body, $"{item.Number} ({(char)('a' + s)})", s == 0 ? item.Documents : 0);
                }
            }
        }
        sb.AppendLine("Annex").AppendLine().AppendLine("Proposed organization of work").AppendLine();
        sb.Append("Date and time");
        foreach (var body in Bodies)
        {
            sb.Append('\t').Append(body.Name).Append('\t');
        }
        sb.AppendLine();
        foreach (var _ in Bodies)
        {
            sb.Append("\tAgenda item\tTitle or description");
        }
        sb.AppendLine();
        DateOnly? day = null;
        foreach (var sitting in Sittings)
        {
            if (sitting.Day != day)
            {
                day = sitting.Day;
                sb.AppendLine(Style.YearInAnnex ? $"{sitting.Day.DayOfWeek}, {sitting.Day.Day} {Month(sitting.Day)} {sitting.Day.Year}" : $"{sitting.Day.DayOfWeek}, {sitting.Day.Day} {Month(sitting.Day)}");
            }
            var rows = sitting.Rows.Count == 0 ? [new Dictionary<int, (string Number, string Title, bool Continued)>()] : sitting.Rows;
            for (var r = 0; r < rows.Count; r++)
            {
                sb.Append(r == 0 ? Time(sitting.Afternoon) : "");
                for (var b = 0; b < Bodies.Count; b++)
                {
                    if (rows[r].TryGetValue(b, out var cell))
                    {
                        sb.Append('\t').Append(cell.Number).Append('\t').Append(cell.Title).Append(cell.Continued ? " " + Style.ContinuedMark : "");
                    }
                    else
                    {
                        sb.Append("\t\t");
                    }
                }
                sb.AppendLine();
            }
        }
        var text = sb.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        return Style.WrapWidth > 0 ? PdfText.Wrap(text, Style.WrapWidth, 29, Style.WrapWidth % 2 == 0) : text;
    }

    private void Annotation(StringBuilder sb, GeneratedBody body, string number, int documents)
    {
        sb.AppendLine($"Under agenda item {number}, the {body.Name} will consider the matter.").AppendLine();
        if (documents > 0)
        {
            sb.AppendLine("Documentation").AppendLine();
            for (var d = 1; d <= documents; d++)
            {
                sb.AppendLine($"Note by the Secretariat on part {d} of item {number} ({Symbol(body, number, d)})").AppendLine();
            }
        }
    }

    public string Symbol(GeneratedBody body, string number, int d) =>
        $"{body.Symbol}/{Start.Year}/{number.Replace(" (", "", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal)}.{d}";

    private string Top(int n) => Style.ItemWord ? $"Item {n}." : $"{n}.";

    private string Sub(int s) => Style.LetterParen ? $"{(char)('a' + s)})" : $"({(char)('a' + s)})";

    private string Time(bool afternoon) => Style.TimeStyle switch
    {
        0 => afternoon ? "3–6 p.m." : "10 a.m.–1 p.m.",
        1 => afternoon ? "15.00 - 18.00" : "10.00 - 13.00",
        _ => afternoon ? "3 p.m. - 6 p.m." : "10 a.m. - 1 p.m.",
    };

    private static string Month(DateOnly d) => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(d.Month);

    // ---------------------------------------------------------------- generator

    private static readonly string[] Words =
    [
        "review", "implementation", "cooperation", "assistance", "technical", "strategies", "prevention", "mechanisms", "financing",
        "evaluation", "protection", "capacity", "building", "networks", "regional", "global", "practices", "challenges", "data",
        "training", "legislation", "victims", "firearms", "smuggling", "trafficking", "cybercrime", "corruption", "assets", "recovery",
    ];

    private static readonly string[] Cities = ["Vienna", "Geneva", "New York", "Nairobi", "Bonn", "Rome", "Paris", "Bangkok", "Santiago", "Addis Ababa", "Beirut", "The Hague", "Montreal", "Washington"];

    private static readonly string[] Names =
    [
        "Working Group on Alpha Matters", "Working Group of Experts on Beta Questions", "Committee on Gamma Affairs", "Expert Group on Delta Issues",
    ];

    public static Gen<GeneratedAgenda> Gen { get; } =
        from bodyCount in CsCheck.Gen.Int[1, 3]
        from itemCounts in CsCheck.Gen.Int[1, 6].Array[bodyCount]
        from subCounts in CsCheck.Gen.Int[0, 3].Array[18]
        from titleSeeds in CsCheck.Gen.Int[0, Words.Length - 1].Array[3, 5].Array[40]
        from jointSeeds in CsCheck.Gen.Int[0, 9].Array[6]
        from docCounts in CsCheck.Gen.Int[0, 2].Array[18]
        from city in CsCheck.Gen.Int[0, Cities.Length - 1]
        from startDay in CsCheck.Gen.Int[0, 3000]
        from days in CsCheck.Gen.Int[1, 5]
        from itemsPerSitting in CsCheck.Gen.Int[1, 3]
        from style in Style.Gen
        select Build(bodyCount, itemCounts, subCounts, titleSeeds, jointSeeds, docCounts, city, startDay, days, itemsPerSitting, style);

    private static GeneratedAgenda Build(int bodyCount, int[] itemCounts, int[] subCounts, int[][] titleSeeds, int[] jointSeeds, int[] docCounts, int city, int startDay, int days, int itemsPerSitting, Style style)
    {
        var titleIndex = 0;
        var used = new HashSet<string>(StringComparer.Ordinal);
        string Title()
        {
            for (var attempt = 0; ; attempt++)
            {
                var words = titleSeeds[titleIndex++ % titleSeeds.Length].Select(w => Words[w]).ToList();
                var title = TextTools.Capitalize(string.Join(" ", words)) + (attempt > 0 ? $" {attempt}" : "");
                if (used.Add(TextTools.Norm(title)))
                {
                    return title;
                }
            }
        }

        var bodies = new List<GeneratedBody>();
        var sub = 0;
        for (var b = 0; b < bodyCount; b++)
        {
            var items = new List<GeneratedItem>();
            for (var i = 0; i < itemCounts[b]; i++)
            {
                var subs = Enumerable.Range(0, subCounts[sub++ % subCounts.Length] == 1 ? 0 : subCounts[(sub - 1) % subCounts.Length]).Select(_ => Title()).ToList();
                items.Add(new GeneratedItem(i + 1, Title(), subs, docCounts[(b * 6 + i) % docCounts.Length], null));
            }
            bodies.Add(new GeneratedBody(Names[b], $"GEN/WG.{b + 1}", items));
        }
        // Joint items: an item of body 0 repeated, same title and sub-items, on a later body's agenda.
        for (var b = 1; b < bodyCount; b++)
        {
            var seed = jointSeeds[b];
            if (seed < 4)
            {
                continue;
            }
            var source = bodies[0].Items[seed % bodies[0].Items.Count];
            if (source.JointWith is not null)
            {
                continue;
            }
            var items = bodies[b].Items.ToList();
            var at = seed % (items.Count + 1);
            items.Insert(at, source with { Documents = 0 });
            items = items.Select((item, i) => item with { Number = i + 1 }).ToList();
            var copy = items[at];
            items[at] = copy with { JointWith = 0 };
            bodies[b] = bodies[b] with { Items = items };
            var zeroItems = bodies[0].Items.ToList();
            zeroItems[zeroItems.IndexOf(source)] = source with { JointWith = b };
            bodies[0] = bodies[0] with { Items = zeroItems };
        }
        var start = new DateOnly(2020, 1, 6).AddDays(startDay);
        return new GeneratedAgenda(Cities[city], Venues.TimeZoneOf(Cities[city])!, start, days, bodies, Plan(bodies, start, days, itemsPerSitting), style);
    }

    /// <summary>Each body's items in order, a few per sitting, morning and afternoon; joint items side by side.</summary>
    private static List<GeneratedSitting> Plan(List<GeneratedBody> bodies, DateOnly start, int days, int perSitting)
    {
        var queues = bodies.Select(b => new Queue<GeneratedItem>(b.Items.Where(i => i.JointWith is null || i.JointWith > bodies.IndexOf(b) || bodies.IndexOf(b) == 0))).ToList();
        var sittings = new List<GeneratedSitting>();
        for (var d = 0; d < days; d++)
        {
            foreach (var afternoon in new[] { false, true })
            {
                var rows = new List<Dictionary<int, (string Number, string Title, bool Continued)>>();
                for (var k = 0; k < perSitting; k++)
                {
                    var row = new Dictionary<int, (string, string, bool)>();
                    for (var b = 0; b < bodies.Count; b++)
                    {
                        if (row.ContainsKey(b) || queues[b].Count == 0)
                        {
                            continue;
                        }
                        var item = queues[b].Dequeue();
                        row[b] = (item.Number.ToString(CultureInfo.InvariantCulture), item.Title, false);
                        if (item.JointWith is { } other && b == 0)
                        {
                            var partner = bodies[other].Items.First(i => i.JointWith == 0 && i.Title == item.Title);
                            row[other] = (partner.Number.ToString(CultureInfo.InvariantCulture), partner.Title, false);
                        }
                    }
                    if (row.Count > 0)
                    {
                        rows.Add(row);
                    }
                }
                if (rows.Count > 0)
                {
                    sittings.Add(new GeneratedSitting(start.AddDays(d), afternoon, rows));
                }
            }
        }
        // What did not fit goes into the last sitting, and the last item of the last sitting continues in it too.
        if (sittings.Count > 0)
        {
            var last = sittings[^1];
            for (var b = 0; b < bodies.Count; b++)
            {
                while (queues[b].Count > 0)
                {
                    var item = queues[b].Dequeue();
                    var row = new Dictionary<int, (string, string, bool)> { [b] = (item.Number.ToString(CultureInfo.InvariantCulture), item.Title, false) };
                    if (item.JointWith is { } other && b == 0)
                    {
                        var partner = bodies[other].Items.First(i => i.JointWith == 0 && i.Title == item.Title);
                        row[other] = (partner.Number.ToString(CultureInfo.InvariantCulture), partner.Title, false);
                    }
                    last.Rows.Add(row);
                }
            }
        }
        // An item that runs over: the last item of a sitting continues at the start of the next one.
        for (var s = 0; s + 1 < sittings.Count; s++)
        {
            var lastRow = sittings[s].Rows[^1];
            if (lastRow.Count > 0 && (s + perSitting) % 2 == 0)
            {
                sittings[s + 1].Rows.Insert(0, lastRow.ToDictionary(e => e.Key, e => (e.Value.Number, e.Value.Title, true)));
            }
        }
        return sittings;
    }
}

public sealed record GeneratedBody(string Name, string Symbol, IReadOnlyList<GeneratedItem> Items);

/// <param name="JointWith">The index of the other body when the item is joint.</param>
public sealed record GeneratedItem(int Number, string Title, IReadOnlyList<string> Subs, int Documents, int? JointWith);

public sealed record GeneratedSitting(DateOnly Day, bool Afternoon, List<Dictionary<int, (string Number, string Title, bool Continued)>> Rows);

public sealed record Style(bool ItemWord, bool LetterParen, int TimeStyle, bool YearInAnnex, string ContinuedMark, int WrapWidth, bool UnitedNationsLine)
{
    public static Gen<Style> Gen { get; } =
        from itemWord in CsCheck.Gen.Bool
        from letterParen in CsCheck.Gen.Bool
        from time in CsCheck.Gen.Int[0, 2]
        from year in CsCheck.Gen.Bool
        from mark in CsCheck.Gen.OneOf(CsCheck.Gen.Const("(continued)"), CsCheck.Gen.Const("(<i>continued</i>)"), CsCheck.Gen.Const("(cont'd)"))
        from wrap in CsCheck.Gen.OneOf(CsCheck.Gen.Const(0), CsCheck.Gen.Int[55, 110])
        from un in CsCheck.Gen.Bool
        select new Style(itemWord, letterParen, time, year, mark, wrap, un);
}
