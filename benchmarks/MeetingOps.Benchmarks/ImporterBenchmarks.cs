using BenchmarkDotNet.Attributes;
using MeetingOps.Domain.Import;

namespace MeetingOps.Benchmarks;

/// <summary>
/// The agenda importer on the two sample documents, and on the 2022 document with its annotations repeated to about
/// 0.6 MiB and 1.9 MiB (near the 2 MiB cap), to show that time grows with the size of the document and no faster.
/// </summary>
[MemoryDiagnoser]
public class ImporterBenchmarks
{
    private string _text = "";

    /// <summary>2022: two bodies, 38 KB. 2021: one body, 15 KB. 2022x16: 0.6 MiB. 2022x50: 1.9 MiB.</summary>
    [Params("2022", "2021", "2022x16", "2022x50")]
    public string Document { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var y2022 = Program.Sample("ctoc-wg2-wg3-2022-annotated-agenda.txt");
        _text = Document switch
        {
            "2021" => Program.Sample("ctoc-wg3-2021-annotated-agenda.txt"),
            "2022x16" => Repeat(y2022, 16),
            "2022x50" => Repeat(y2022, 50),
            _ => y2022,
        };
        if (AgendaImporter.Import(_text).Definition is null)
        {
            throw new InvalidOperationException($"{Document} does not import.");
        }
    }

    /// <summary>The document with its annotations section repeated: more text to read, the same meeting.</summary>
    internal static string Repeat(string text, int copies)
    {
        var annotations = text.IndexOf("\nAnnotations\n", StringComparison.Ordinal) + "\nAnnotations\n".Length;
        var annex = text.IndexOf("\nAnnex\n", StringComparison.Ordinal);
        return text[..annotations] + string.Concat(Enumerable.Repeat(text[annotations..annex], copies)) + text[annex..];
    }

    [Benchmark]
    public int Import() => AgendaImporter.Import(_text).Definition!.Items.Count;
}
