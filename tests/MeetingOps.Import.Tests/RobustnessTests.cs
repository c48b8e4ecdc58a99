using System.Text;

namespace MeetingOps.Import.Tests;

/// <summary>Empty, binary, oversized and hostile input: a clear error or a valid definition, never an exception, never a hang.</summary>
public sealed class RobustnessTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t\n  ")]
    public void Empty_input_is_a_clear_error(string? text)
    {
        var result = AgendaImporter.Import(text);

        Assert.Equal(ImportErrorCodes.Empty, Assert.Single(result.Errors).Code);
        Assert.Null(result.Definition);
    }

    [Fact]
    public void Binary_input_is_refused_with_the_line_of_the_first_bad_byte()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[0] = (byte)'A';
        bytes[1] = (byte)'\n';
        bytes[2] = 0;

        var result = AgendaImporter.Import(bytes);

        var error = Assert.Single(result.Errors);
        Assert.Equal(ImportErrorCodes.NotText, error.Code);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Text_with_a_few_stray_control_characters_imports_with_a_warning()
    {
        var text = Samples.Text(Samples.Agenda2021).Replace("Other matters.", "Other\u0001 matters.", StringComparison.Ordinal);

        var result = AgendaImporter.Import(text);

        Assert.NotNull(result.Definition);
        Assert.Contains(result.Warnings, w => w.Line == 27 && w.Message.Contains("control character", StringComparison.Ordinal));
    }

    [Fact]
    public void Input_over_the_cap_is_refused_before_any_parsing()
    {
        var text = new string('a', AgendaImporter.MaxInputBytes + 1);

        var result = AgendaImporter.Import(text, out var work);

        Assert.Equal(ImportErrorCodes.TooLarge, Assert.Single(result.Errors).Code);
        Assert.Equal(0, work);
        Assert.Equal(ImportErrorCodes.TooLarge, Assert.Single(AgendaImporter.Import(new byte[AgendaImporter.MaxInputBytes + 1]).Errors).Code);
    }

    [Fact]
    public void The_cap_counts_utf8_bytes_not_characters()
    {
        var text = new string('é', AgendaImporter.MaxInputBytes / 2 + 1);

        Assert.Equal(ImportErrorCodes.TooLarge, Assert.Single(AgendaImporter.Import(text).Errors).Code);
    }

    [Fact]
    public void A_document_at_the_cap_imports()
    {
        var sample = Samples.Text(Samples.Agenda2022);
        const string filler = "\n\nThe Working Group may wish to continue its discussion of the matter, bearing in mind the views expressed.";
        var copies = (AgendaImporter.MaxInputBytes - Encoding.UTF8.GetByteCount(sample)) / Encoding.UTF8.GetByteCount(filler) - 1;
        var at = sample.IndexOf("3. The application", sample.IndexOf("Annotations", StringComparison.Ordinal), StringComparison.Ordinal);
        var sb = new StringBuilder(sample[..at]).Insert(at, filler, copies).Append(sample[at..]);
        Assert.InRange(Encoding.UTF8.GetByteCount(sb.ToString()), AgendaImporter.MaxInputBytes - 2 * filler.Length, AgendaImporter.MaxInputBytes);
        var text = sb.ToString();

        var result = AgendaImporter.Import(text);

        Invariants.Hold(text, result);
        Assert.NotNull(result.Definition);
    }

    public static TheoryData<string, string> Hostile()
    {
        const int n = 300_000;
        return new TheoryData<string, string>
        {
            { "open brackets", new string('(', n) },
            { "open square brackets", new string('[', n) },
            { "tags never closed", string.Concat(Enumerable.Repeat("<a", n / 2)) },
            { "one long tag", "<a" + new string('b', n) },
            { "asterisks", new string('*', n) },
            { "ampersands", string.Concat(Enumerable.Repeat("&#x", n / 3)) },
            { "numbered lines", string.Concat(Enumerable.Repeat("1. A\n", n / 5)) },
            { "increasing items", string.Concat(Enumerable.Range(1, 50_000).Select(i => $"{i % 999 + 1}. Title {i}\n")) },
            { "sub-items", "1. Matters\n" + string.Concat(Enumerable.Repeat("(a) B;\n", n / 7)) },
            { "lines to join", string.Concat(Enumerable.Repeat("a\n", n / 2)) },
            { "lines ending in a function word", string.Concat(Enumerable.Repeat("of the\n", n / 7)) },
            { "one long line of words", string.Concat(Enumerable.Repeat("Word word. ", n / 11)) },
            { "one long line of items", string.Concat(Enumerable.Repeat("matters. 2. Title ", n / 18)) },
            { "tabs", string.Concat(Enumerable.Repeat("\t", n)) },
            { "table rows", "Annex\n" + string.Concat(Enumerable.Repeat("\t1 (a)\tOpening\t1 (a)\tOpening\n", n / 30)) },
            { "job numbers", string.Concat(Enumerable.Repeat("V.22-00869 (E) ", n / 15)) },
            { "symbols", string.Concat(Enumerable.Repeat("CTOC/COP/WG.3/2022/1–", n / 21)) },
            { "one huge symbol-like word", "A/" + new string('B', n) },
            { "dates", string.Concat(Enumerable.Repeat("Monday, 23 May 2022 ", n / 20)) },
            { "times", string.Concat(Enumerable.Repeat("10 a.m.–1 p.m. ", n / 15)) },
            { "venue lines", string.Concat(Enumerable.Repeat("Vienna, 23–27 May 2022\n", n / 23)) },
            { "headings", string.Concat(Enumerable.Repeat("Annotations\nDocumentation\nAnnex\n", n / 30)) },
            { "sample repeated", string.Concat(Enumerable.Repeat(Samples.Text(Samples.Agenda2021), 40)) },
            { "page of the sample as one line", Samples.Text(Samples.Agenda2022).Replace('\n', ' ') },
            { "annotations of lowercase paragraphs", "1. A\n\nAnnotations\n\n1. A\n\n" + string.Concat(Enumerable.Repeat("b c\n\n", n / 5)) },
            { "agenda title continued for ever", "Provisional agenda\n1. A of" + string.Concat(Enumerable.Repeat("\nB of", n / 5)) },
            { "a flat annex row", "1. A\n\nAnnex\nMonday, 1 June 2020\n10 a.m.–1 p.m. " + string.Concat(Enumerable.Repeat("1 A ", n / 4)) },
            { "flat annex rows", "1. A\n\nAnnex\nMonday, 1 June 2020\n" + string.Concat(Enumerable.Repeat("10 a.m.–1 p.m. 1 A 1 A 1 A\n", n / 27)) },
            { "two agendas of joint items", "Working Group on A\n\n" + string.Concat(Enumerable.Range(1, 400).Select(i => $"{i}. Same title (joint item).\n")) + "\nWorking Group on B\n\n" + string.Concat(Enumerable.Range(1, 400).Select(i => $"{i}. Same title (joint item).\n")) + "Vienna, 1 June 2020\n" },
            { "line breaks only", new string('\n', n) },
            { "carriage returns", new string('\r', n) },
            { "form feeds", new string('\f', n) },
        };
    }

    /// <summary>
    /// Work, not time: the importer counts the characters and items it visits. Hostile documents stay within a small
    /// constant per input character, far below the budget that would stop the import (a hang would blow through it).
    /// </summary>
    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_input_gives_a_result_in_work_linear_in_its_size(string name, string text)
    {
        var result = AgendaImporter.Import(text, out var work);

        Invariants.Hold(text, result);
        Assert.NotEqual(ImportErrorCodes.TooComplex, result.Errors.FirstOrDefault()?.Code);
        Assert.True(work <= 120L * text.Length + 5_000_000, $"{name}: {work:N0} units of work for {text.Length:N0} characters");
    }

    [Theory]
    [InlineData(Samples.Agenda2022)]
    [InlineData(Samples.Agenda2021)]
    public void Work_grows_linearly_with_the_document(string sample)
    {
        var text = Samples.Text(sample);
        var annotations = text.IndexOf("Annotations", StringComparison.Ordinal);
        var annex = text.IndexOf("Annex", StringComparison.Ordinal);
        var body = text[annotations..annex];
        long Work(int copies)
        {
            var doc = text[..annex] + string.Concat(Enumerable.Repeat(body[("Annotations".Length)..], copies)) + text[annex..];
            AgendaImporter.Import(doc, out var work);
            return work;
        }

        var w1 = Work(8);
        var w2 = Work(16);
        var w4 = Work(32);

        Assert.InRange((double)w2 / w1, 1.5, 2.2);
        Assert.InRange((double)w4 / w2, 1.5, 2.2);
    }
}
