using System.Globalization;
using MeetingOps.Domain;

namespace MeetingOps.Import.Tests;

/// <summary>
/// The importer's warnings, gaps and refusals each carry a phrase code with its arguments (<see cref="ServerPhrases"/>), so the
/// home and secretariat pages can say them in the viewer's language, while the English sentence stays as the API and the CLI
/// read it. Every one the samples and the corpus of published agendas give has its phrase; representative ones have the
/// right code and arguments.
/// </summary>
public sealed class WarningPhraseTests
{
    private static readonly Dictionary<string, ServerPhrase> Phrases = ServerPhrases.All.ToDictionary(p => p.Code, StringComparer.Ordinal);

    /// <summary>Null when the text is a known phrase given exactly its arguments; otherwise what is wrong.</summary>
    private static string? Fault(ServerText? text, object what)
    {
        if (text is null)
        {
            return $"no phrase: {what}";
        }
        if (!Phrases.TryGetValue(text.Code, out var phrase))
        {
            return $"unknown code {text.Code}: {what}";
        }
        return phrase.Parameters.Order(StringComparer.Ordinal).SequenceEqual(text.Args.Keys.Order(StringComparer.Ordinal))
            ? null
            : $"{text.Code} with arguments {string.Join(", ", text.Args.Keys)}: {what}";
    }

    [Fact]
    public void Every_warning_gap_and_refusal_of_the_samples_and_the_corpus_carries_its_phrase()
    {
        var documents = Corpus.All().Select(d => (d.Name, d.Text)).Concat([(Samples.Agenda2021, Samples.Text(Samples.Agenda2021)), (Samples.Agenda2022, Samples.Text(Samples.Agenda2022))]).ToList();
        Assert.True(documents.Count > 20, $"only {documents.Count} documents: is the corpus copied to the output?");
        var faults = new List<string>();
        var warnings = 0;
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, text) in documents)
        {
            var result = AgendaImporter.Import(text);
            warnings += result.Warnings.Count;
            codes.UnionWith(result.Warnings.Where(w => w.Text is not null).Select(w => w.Text!.Code));
            faults.AddRange(result.Warnings.Select(w => Fault(w.Text, w)).Concat(result.Gaps.Select(g => Fault(g.Text, g))).Concat(result.Errors.Select(e => Fault(e.Text, e)))
                .OfType<string>().Select(f => $"{name}: {f}"));
        }
        Assert.True(faults.Count == 0, string.Join("\n", faults));
        // The corpus is a real test of the phrases only if it raises many warnings of many kinds.
        Assert.True(warnings > 100 && codes.Count > 15, $"{warnings} warnings of {codes.Count} kinds");
    }

    [Fact]
    public void A_document_without_venue_dates_or_organization_of_work_gives_each_gap_its_phrase()
    {
        var result = AgendaImporter.Import("""
            Council of Experts

            Provisional agenda

            1. Opening of the session
            2. Adoption of the agenda
            3. Other matters
            """);

        Assert.Equal(
            [
                (ImportGapFields.Dates, ServerPhrases.ImportNoDates.Code),
                (ImportGapFields.Venue, ServerPhrases.ImportGapVenue.Code),
                (ImportGapFields.Sittings, ServerPhrases.ImportGapSittings.Code),
            ],
            result.Gaps.Select(g => (g.Field, g.Text!.Code)));
        Assert.Contains(result.Warnings, w => w.Text == ServerPhrases.ImportNoVenue.With() && w.Message.StartsWith("No venue found; the venue is", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Text == ServerPhrases.ImportNoWork.With());
        // The dates gap and its warning are the same sentence and the same phrase.
        var dates = result.Gaps.Single(g => g.Field == ImportGapFields.Dates);
        Assert.Contains(result.Warnings, w => w.Message == dates.Message && w.Text == dates.Text);
    }

    [Fact]
    public void An_item_out_of_order_and_an_item_given_twice_name_their_numbers_and_body()
    {
        var result = AgendaImporter.Import("""
            Council of Experts
            Geneva, 3–5 June 2024

            Provisional agenda

            1. Opening of the session
            3. Adoption of the agenda
            3. Election of officers
            4. Other matters
            """);

        var follows = Assert.Single(result.Warnings, w => w.Text?.Code == ServerPhrases.ImportItemFollows.Code);
        Assert.Equal(7, follows.Line);
        Assert.Equal(("3", "1"), (follows.Text!.Args["number"], follows.Text.Args["previous"]));
        var twice = Assert.Single(result.Warnings, w => w.Text?.Code == ServerPhrases.ImportItemTwice.Code);
        Assert.Equal(8, twice.Line);
        Assert.Equal("3", twice.Text!.Args["number"]);
        // The body is named as the English sentence names it.
        Assert.Contains($"on the agenda of the {follows.Text.Args["body"]}.", follows.Message, StringComparison.Ordinal);
        Assert.Equal(follows.Text.Args["body"], twice.Text.Args["body"]);
    }

    [Fact]
    public void The_warnings_left_out_past_the_cap_are_counted_in_a_phrase()
    {
        // Every item skips a number: one warning each, far more than the log keeps.
        var lines = Enumerable.Range(0, 300).Select(i => $"{(2 * i) + 1}. Question number {i + 1} of the series");
        var result = AgendaImporter.Import("Council of Experts\nGeneva, 3–5 June 2024\n\nProvisional agenda\n\n" + string.Join("\n", lines) + "\n");

        var last = result.Warnings[^1];
        Assert.Equal(ImportLog.MaxWarnings + 1, result.Warnings.Count);
        Assert.Equal(ServerPhrases.ImportMoreWarnings.Code, last.Text!.Code);
        var count = int.Parse(last.Text.Args["count"], CultureInfo.InvariantCulture);
        Assert.True(count > 0);
        Assert.Equal($"{count:N0} further warnings were left out.", last.Message);
    }

    [Fact]
    public void A_refused_document_says_why_in_a_phrase()
    {
        Assert.Equal(ServerPhrases.ImportEmpty.With(), Assert.Single(AgendaImporter.Import("  \n ").Errors).Text);

        var binary = new string('\u0001', 300) + "Provisional agenda";
        var notText = Assert.Single(AgendaImporter.Import(binary).Errors);
        Assert.Equal(ImportErrorCodes.NotText, notText.Code);
        Assert.Equal(ServerPhrases.ImportNotText.With(("count", 300), ("total", binary.Length)), notText.Text);

        var noAgenda = Assert.Single(AgendaImporter.Import("Council of Experts\nGeneva, 3–5 June 2024\nNothing numbered here.\n").Errors);
        Assert.Equal(ServerPhrases.ImportNoAgenda.With(), noAgenda.Text);
    }
}
