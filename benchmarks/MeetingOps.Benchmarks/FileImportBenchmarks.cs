using BenchmarkDotNet.Attributes;
using MeetingOps.Domain.Import;
using MeetingOps.Import.Files;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Benchmarks;

/// <summary>
/// Importing the 2022 agenda from each format it is held in: the text as it is, and the .docx and PDF the tests write
/// from it (<see cref="AgendaDocuments"/>), each extracted to text and then imported; at the sample's size and with its
/// annotations repeated 16 times, to show that time grows with the document and no faster in every format.
/// </summary>
[MemoryDiagnoser]
public class FileImportBenchmarks
{
    private byte[] _file = [];
    private AgendaFileFormat _format;

    [Params("text", "docx", "pdf")]
    public string Format { get; set; } = "";

    /// <summary>2022: the sample, 38 KB of text. 2022x16: its annotations repeated 16 times, 0.6 MiB of text.</summary>
    [Params("2022", "2022x16")]
    public string Document { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var y2022 = Program.Sample("ctoc-wg2-wg3-2022-annotated-agenda.txt");
        var text = Document == "2022x16" ? ImporterBenchmarks.Repeat(y2022, 16) : y2022;
        (_file, _format) = Format switch
        {
            "docx" => (AgendaDocuments.Word(text), AgendaFileFormat.Word),
            "pdf" => (AgendaDocuments.Pdf(text), AgendaFileFormat.Pdf),
            _ => (System.Text.Encoding.UTF8.GetBytes(text), AgendaFileFormat.Text),
        };
        if (Import() == 0)
        {
            throw new InvalidOperationException($"{Document} as {Format} does not import.");
        }
    }

    [Benchmark]
    public int Import()
    {
        if (_format == AgendaFileFormat.Text)
        {
            return AgendaImporter.Import(_file).Definition?.Items.Count ?? 0;
        }
        var extracted = AgendaFiles.Extract(_file, _format);
        return extracted.Text is { } text ? AgendaImporter.Import(text).Definition?.Items.Count ?? 0 : 0;
    }
}
