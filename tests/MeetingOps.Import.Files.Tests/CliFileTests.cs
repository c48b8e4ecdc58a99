using MeetingOps.Cli;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Import.Files.Tests;

/// <summary><c>meetingops import &lt;file&gt;</c> on a .docx and a PDF the test writes: the definition the text gives; a damaged file is an error.</summary>
public sealed class CliFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("meetingops-cli-files-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CommandLine.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Importing_the_word_and_pdf_files_prints_the_definition_the_text_gives()
    {
        var text = RepoFiles.Sample(SampleFileTests.Agenda2022);
        var textFile = Path.Combine(_folder, "agenda.txt");
        var wordFile = Path.Combine(_folder, "agenda.docx");
        var pdfFile = Path.Combine(_folder, "agenda.pdf");
        await File.WriteAllTextAsync(textFile, text);
        await File.WriteAllBytesAsync(wordFile, AgendaDocuments.Word(text));
        await File.WriteAllBytesAsync(pdfFile, AgendaDocuments.Pdf(text));

        var fromText = await Run("import", textFile);
        Assert.Equal(CommandLine.Ok, fromText.Exit);
        var fromWord = await Run("import", wordFile);
        var fromPdf = await Run("import", pdfFile);

        Assert.True(fromWord.Exit == CommandLine.Ok, fromWord.Stderr);
        Assert.Equal(fromText.Stdout, fromWord.Stdout);
        Assert.True(fromPdf.Exit == CommandLine.Ok, fromPdf.Stderr);
        Assert.Equal(fromText.Stdout, fromPdf.Stdout);
    }

    [Fact]
    public async Task A_damaged_word_file_is_an_error_saying_what_was_wrong()
    {
        var word = AgendaDocuments.Word(RepoFiles.Sample(SampleFileTests.Agenda2022));
        var file = Path.Combine(_folder, "cut.docx");
        await File.WriteAllBytesAsync(file, word[..(word.Length / 2)]);

        var (exit, stdout, stderr) = await Run("import", file);

        Assert.Equal(CommandLine.Failed, exit);
        Assert.Equal("", stdout);
        Assert.Contains("cut.docx: The .docx is damaged or cut short", stderr, StringComparison.Ordinal);
    }
}
