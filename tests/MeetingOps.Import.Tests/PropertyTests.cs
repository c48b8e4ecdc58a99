using System.Globalization;
using System.Text;
using CsCheck;

namespace MeetingOps.Import.Tests;

/// <summary>
/// CsCheck property tests. The case count comes from MEETINGOPS_PROPERTY_ITERATIONS (the issue's bar is 100,000:
/// <c>MEETINGOPS_PROPERTY_ITERATIONS=100000 dotnet test tests/MeetingOps.Import.Tests --filter Property</c>);
/// the default keeps the whole test run short.
/// </summary>
public sealed class PropertyTests
{
    private static long Iterations(long fallback) =>
        long.TryParse(Environment.GetEnvironmentVariable("MEETINGOPS_PROPERTY_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;

    private static readonly string[] SampleTexts = [Samples.Text(Samples.Agenda2022), Samples.Text(Samples.Agenda2021), Documents.Geneva, Documents.NewYork];

    /// <summary>One edit of a document's lines or characters.</summary>
    public sealed record Mutation(int Kind, int At, int Length, string Payload)
    {
        public override string ToString() => $"{Kind}@{At}+{Length} \"{Payload}\"";
    }

    private static readonly Gen<string> Payload = Gen.OneOf(
        Gen.Const("\t"), Gen.Const("\n"), Gen.Const("("), Gen.Const(")"), Gen.Const("1. "), Gen.Const("(a) "), Gen.Const("(continued)"),
        Gen.Const("Annotations\n"), Gen.Const("Annex\n"), Gen.Const("Documentation\n"), Gen.Const("10 a.m.–1 p.m.\t"), Gen.Const("Monday, 23 May 2022\n"),
        Gen.Const("V.22-00869 (E)\n"), Gen.Const("CTOC/COP/WG.3/2022/9"), Gen.Const("<i>"), Gen.Const("[x](#)"), Gen.Const("\u0000"), Gen.Const("\uFFFD"),
        Gen.Const("\uD800"), Gen.Const("joint item"), Gen.Const("Working Group on International Cooperation\n"), Gen.Const("Vienna, 30 February 2022\n"),
        Gen.Char.Array[1, 12].Select(c => new string(c)), Gen.String);

    private static readonly Gen<Mutation> OneMutation =
        from kind in Gen.Int[0, 9]
        from at in Gen.Int[0, int.MaxValue]
        from length in Gen.Int[1, 40]
        from payload in Payload
        select new Mutation(kind, at, length, payload);

    public sealed record MutatedDocument(int Sample, Mutation[] Mutations)
    {
        public override string ToString() => $"sample {Sample}: {string.Join(", ", Mutations.Select(m => m.ToString()))}";
    }

    private static readonly Gen<MutatedDocument> Mutated =
        from sample in Gen.Int[0, SampleTexts.Length - 1]
        from mutations in OneMutation.Array[1, 8]
        select new MutatedDocument(sample, mutations);

    /// <summary>Deleted, duplicated, shuffled and joined lines; inserted bytes and mark-up; truncation.</summary>
    public static string Apply(string text, IEnumerable<Mutation> mutations)
    {
        foreach (var m in mutations)
        {
            var lines = text.Split('\n').ToList();
            var line = lines.Count == 0 ? 0 : m.At % lines.Count;
            var pos = text.Length == 0 ? 0 : m.At % (text.Length + 1);
            switch (m.Kind)
            {
                case 0: // delete lines
                    lines.RemoveRange(line, Math.Min(m.Length, lines.Count - line));
                    text = string.Join('\n', lines);
                    break;
                case 1: // duplicate lines
                    lines.InsertRange(line, lines.Skip(line).Take(m.Length).ToList());
                    text = string.Join('\n', lines);
                    break;
                case 2: // swap two lines
                    var other = (line + m.Length) % Math.Max(1, lines.Count);
                    (lines[line], lines[other]) = (lines[other], lines[line]);
                    text = string.Join('\n', lines);
                    break;
                case 3: // join a line with the next ones
                    if (line + 1 < lines.Count)
                    {
                        var count = Math.Min(m.Length, lines.Count - line - 1);
                        lines[line] = string.Join(" ", lines.Skip(line).Take(count + 1));
                        lines.RemoveRange(line + 1, count);
                    }
                    text = string.Join('\n', lines);
                    break;
                case 4: // insert a payload
                    text = text.Insert(pos, m.Payload);
                    break;
                case 5: // truncate
                    text = text[..pos];
                    break;
                case 6: // overwrite characters
                    var sb = new StringBuilder(text);
                    for (var i = 0; i < m.Length && pos + i < sb.Length; i++)
                    {
                        sb[pos + i] = m.Payload.Length > 0 ? m.Payload[i % m.Payload.Length] : '\0';
                    }
                    text = sb.ToString();
                    break;
                case 7: // shuffle a block of lines
                    var block = lines.Skip(line).Take(m.Length).ToList();
                    block.Reverse();
                    lines.RemoveRange(line, block.Count);
                    lines.InsertRange(line, block);
                    text = string.Join('\n', lines);
                    break;
                case 8: // delete characters
                    text = text.Remove(pos, Math.Min(m.Length, text.Length - pos));
                    break;
                default: // a line to tabs, or tabs to spaces
                    lines[line] = lines[line].Contains('\t', StringComparison.Ordinal) ? lines[line].Replace('\t', ' ') : lines[line].Replace("  ", "\t", StringComparison.Ordinal);
                    text = string.Join('\n', lines);
                    break;
            }
        }
        return text;
    }

    [Fact]
    public void Mutated_documents_give_a_valid_definition_or_clear_errors()
    {
        Mutated.Sample(m =>
        {
            var text = Apply(SampleTexts[m.Sample], m.Mutations);
            Invariants.Hold(text, AgendaImporter.Import(text));
        }, iter: Iterations(1500), threads: -1, print: m => m.ToString());
    }

    private static readonly Gen<string> Token = Gen.OneOf(
        Gen.Const("1. "), Gen.Const("2. "), Gen.Const("(a) "), Gen.Const("(b) "), Gen.Const("(i) "), Gen.Const("Item 3. "), Gen.Const("2.1 "), Gen.Const("a) "),
        Gen.Const("Organizational matters"), Gen.Const("Other matters"), Gen.Const("Adoption of the report"), Gen.Const(" (joint item)"), Gen.Const(" (continued)"),
        Gen.Const("\n"), Gen.Const("\n\n"), Gen.Const("\t"), Gen.Const(" "), Gen.Const("."), Gen.Const(";"), Gen.Const(":"), Gen.Const("("), Gen.Const(")"),
        Gen.Const("Annotations"), Gen.Const("Annex"), Gen.Const("Documentation"), Gen.Const("Provisional agenda"), Gen.Const("Date and time\tAgenda item\tTitle or description"),
        Gen.Const("Monday, 23 May 2022"), Gen.Const("Thursday, 25 March"), Gen.Const("10 a.m.–1 p.m."), Gen.Const("3–6 p.m."), Gen.Const("10.00 hrs"),
        Gen.Const("Vienna, 23–27 May 2022"), Gen.Const("Geneva, 1 and 2 June 2023"), Gen.Const("Distr.: General"), Gen.Const("14 February 2022"),
        Gen.Const("Working Group on International Cooperation"), Gen.Const("Committee on Things"), Gen.Const("CTOC/COP/WG.3/2022/2"), Gen.Const("–"),
        Gen.Const("For annotations on this item, see agenda item 1 of the Working Group on International Cooperation"), Gen.Const("V.22-00869"), Gen.Const("2/7"),
        Gen.Const("<i>"), Gen.Const("</i>"), Gen.Const("**"), Gen.Const("&amp;"), Gen.Const("[CTOC/COP/WG.3/2022/2](#)"), Gen.Const("thirteenth meeting of the "),
        Gen.String[0, 8]);

    [Fact]
    public void Documents_made_of_agenda_tokens_give_a_valid_definition_or_clear_errors()
    {
        Token.Array[0, 300].Select(tokens => string.Concat(tokens)).Sample(text => Invariants.Hold(text, AgendaImporter.Import(text)),
            iter: Iterations(3000), threads: -1, print: t => t);
    }

    [Fact]
    public void Random_bytes_give_clear_errors_and_never_throw()
    {
        Gen.Byte.Array[0, 4000].Sample(bytes =>
        {
            var result = AgendaImporter.Import(bytes);
            Invariants.Hold(Encoding.UTF8.GetString(bytes), result);
        }, iter: Iterations(3000), threads: -1);
    }

    [Fact]
    public void Generated_agendas_import_to_what_was_rendered()
    {
        GeneratedAgenda.Gen.Sample(agenda =>
        {
            var text = agenda.Render();
            var result = AgendaImporter.Import(text);
            Invariants.Hold(text, result);
            var d = Assert.IsType<MeetingDefinition>(result.Definition);
            Expect(agenda, d);
        }, iter: Iterations(600), threads: -1, print: a => a.Render());
    }

    private static void Expect(GeneratedAgenda agenda, MeetingDefinition d)
    {
        Assert.Equal((agenda.Venue, agenda.Zone), (d.Venue, d.TimeZone));
        Assert.Equal((agenda.Start, agenda.Start.AddDays(agenda.Days - 1)), (d.StartDate, d.EndDate));
        Assert.Equal(agenda.Bodies.Select(b => b.Name), d.Bodies.Select(b => b.Name));
        var flat = Flatten(d.Items).ToList();
        for (var b = 0; b < agenda.Bodies.Count; b++)
        {
            var id = d.Bodies[b].Id;
            var expected = agenda.Bodies[b].Items
                .SelectMany(i => new[] { ($"{i.Number}", i.Title) }.Concat(i.Subs.Select((s, k) => ($"{i.Number} ({(char)('a' + k)})", s))))
                .OrderBy(x => x.Item1, StringComparer.Ordinal).ToList();
            var actual = flat.Where(i => i.Numbers.ContainsKey(id)).Select(i => (i.Numbers[id], i.Title)).OrderBy(x => x.Item1, StringComparer.Ordinal).ToList();
            Assert.Equal(expected, actual);
            foreach (var item in agenda.Bodies[b].Items.Where(i => i.JointWith is null && i.Documents > 0))
            {
                var number = item.Subs.Count > 0 ? $"{item.Number} (a)" : $"{item.Number}";
                var imported = flat.Single(i => i.Numbers.GetValueOrDefault(id) == number);
                Assert.Equal(Enumerable.Range(1, item.Documents).Select(k => agenda.Symbol(agenda.Bodies[b], number, k)), imported.Documents!.Select(x => Assert.Single(x.Symbols)));
            }
        }
        // Joint items: one item carrying both numbers.
        for (var b = 1; b < agenda.Bodies.Count; b++)
        {
            foreach (var item in agenda.Bodies[b].Items.Where(i => i.JointWith == 0))
            {
                var source = agenda.Bodies[0].Items.Single(i => i.JointWith == b && i.Title == item.Title);
                var joint = flat.Single(i => i.Numbers.GetValueOrDefault(d.Bodies[b].Id) == $"{item.Number}");
                Assert.Equal($"{source.Number}", joint.Numbers[d.Bodies[0].Id]);
            }
        }
        // Sittings: one session each, with its items in order and "(continued)" where it was written.
        Assert.Equal(agenda.Sittings.Count, d.Sessions.Count);
        for (var s = 0; s < agenda.Sittings.Count; s++)
        {
            var sitting = agenda.Sittings[s];
            var session = d.Sessions[s];
            Assert.Equal(sitting.Day.ToDateTime(new TimeOnly(sitting.Afternoon ? 15 : 10, 0)), session.Start);
            var byId = flat.ToDictionary(i => i.Id);
            var expected = new List<(string, bool)>();
            foreach (var row in sitting.Rows)
            {
                foreach (var (_, cell) in row.OrderBy(e => e.Key))
                {
                    if (!expected.Any(e => e.Item1 == cell.Title))
                    {
                        expected.Add((cell.Title, cell.Continued));
                    }
                }
            }
            Assert.Equal(expected, session.Items.Select(p => (byId[p.Item].Title, p.Continued)));
        }
    }

    private static IEnumerable<ItemDefinition> Flatten(IEnumerable<ItemDefinition>? items)
    {
        foreach (var item in items ?? [])
        {
            yield return item;
            foreach (var child in Flatten(item.SubItems))
            {
                yield return child;
            }
        }
    }
}
