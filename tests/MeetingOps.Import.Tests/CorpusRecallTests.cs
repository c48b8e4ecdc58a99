using System.Text;
using Xunit.Abstractions;

namespace MeetingOps.Import.Tests;

/// <summary>
/// Item recall over the corpus of real documents: an expected item counts when the import holds an item with the
/// same number and title. The per-document table goes to the test output (and, by hand, to the README).
/// </summary>
public sealed class CorpusRecallTests(ITestOutputHelper output)
{
    private const double RequiredRecall = 0.90;

    /// <summary>No corpus document may take longer than this; a document that does counts as hung, and the test
    /// goes on with the next one instead of hanging itself (the import runs on its own thread pool task).</summary>
    private static readonly TimeSpan PerDocumentBound = TimeSpan.FromSeconds(20);

    [Fact]
    public void The_corpus_is_large_and_varied_enough()
    {
        var documents = Corpus.All();
        Assert.True(documents.Count >= 40, $"{documents.Count} corpus documents");
        Assert.True(documents.Select(d => d.Organization).Distinct().Count() >= 12, "at least 12 organizations or bodies");
        Assert.All(documents, d =>
        {
            Assert.StartsWith("Source: ", d.Text, StringComparison.Ordinal);
            Assert.NotEmpty(d.Items);
        });
    }

    [Fact]
    public async Task Recall_over_the_corpus_is_at_least_90_percent_and_no_document_with_items_is_refused()
    {
        var table = new StringBuilder();
        table.AppendLine("| Document | Organization | Expected | Found | Recall | Result |");
        table.AppendLine("|---|---|---:|---:|---:|---|");
        int expectedTotal = 0, foundTotal = 0;
        var refused = new List<string>();
        var hung = new List<string>();
        var misses = new StringBuilder();
        foreach (var document in Corpus.All())
        {
            var import = Task.Run(() => AgendaImporter.Import(document.Text));
            if (await Task.WhenAny(import, Task.Delay(PerDocumentBound)) != import)
            {
                hung.Add($"{document.Name}: no answer within {PerDocumentBound.TotalSeconds:0} s");
                expectedTotal += document.Items.Count;
                table.AppendLine($"| {document.Name} | {document.Organization} | {document.Items.Count} | 0 | 0.0 % | hung |");
                continue;
            }
            var result = await import;
            Assert.True(result.Definition is not null || result.Errors.Count > 0, $"{document.Name}: neither a definition nor an error");
            Assert.DoesNotContain(result.Errors, e => e.Code == ImportErrorCodes.Internal);
            var found = Corpus.Found(result.Definition);
            var hits = 0;
            foreach (var item in document.Items)
            {
                if (found.Contains((Corpus.NumberKey(item.Number), Corpus.TitleKey(item.Title))))
                {
                    hits++;
                }
                else
                {
                    misses.AppendLine($"  {document.Name}: missed {item.Number} \"{item.Title}\"");
                }
            }
            if (result.Definition is null)
            {
                refused.Add($"{document.Name}: {string.Join("; ", result.Errors)}");
            }
            expectedTotal += document.Items.Count;
            foundTotal += hits;
            var outcome = result.Definition is null
                ? "refused: " + result.Errors[0].Code
                : result.Gaps.Count > 0 ? "draft, gaps: " + string.Join(", ", result.Gaps.Select(g => g.Field).Distinct()) : "complete";
            table.AppendLine($"| {document.Name} | {document.Organization} | {document.Items.Count} | {hits} | {Percent(hits, document.Items.Count)} | {outcome} |");
        }
        var recall = expectedTotal == 0 ? 0 : (double)foundTotal / expectedTotal;
        table.AppendLine($"| **Total** | | **{expectedTotal}** | **{foundTotal}** | **{Percent(foundTotal, expectedTotal)}** | |");
        output.WriteLine(table.ToString());
        output.WriteLine(misses.Length > 0 ? "Missed items:\n" + misses : "No item missed.");
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "corpus-recall.md"), table.ToString());

        Assert.True(hung.Count == 0, "Hung:\n" + string.Join("\n", hung));
        Assert.True(refused.Count == 0, "Refused although the document lists items:\n" + string.Join("\n", refused));
        Assert.True(recall >= RequiredRecall, $"Corpus recall {recall:P1} is below {RequiredRecall:P0}.\n{misses}");
    }

    private static string Percent(int part, int whole) => whole == 0 ? "–" : $"{100.0 * part / whole:0.0} %";
}
