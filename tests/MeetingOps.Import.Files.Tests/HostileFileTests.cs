using System.IO.Compression;
using System.Text;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Import.Files.Tests;

/// <summary>
/// Damaged and hostile files: each is refused with the kind of problem and a message saying what was wrong, never
/// an exception, and within the limits on what a file may inflate to (counted while inflating, not trusted from headers).
/// </summary>
public sealed class HostileFileTests
{
    private static byte[] Word2022() => AgendaDocuments.Word(RepoFiles.Sample(SampleFileTests.Agenda2022));

    private static byte[] Pdf2022() => AgendaDocuments.Pdf(RepoFiles.Sample(SampleFileTests.Agenda2022));

    private static AgendaFileProblem Refused(byte[] file, AgendaFileProblemKind kind, string says)
    {
        var result = AgendaFiles.Extract(file, AgendaFiles.Detect(file));
        Assert.Null(result.Text);
        Assert.NotNull(result.Problem);
        Assert.Equal(kind, result.Problem.Kind);
        Assert.Contains(says, result.Problem.Message, StringComparison.Ordinal);
        // Said as a phrase too, for the home page in the officer's language.
        Assert.NotNull(result.Problem.Text);
        Assert.Contains(MeetingOps.Domain.ServerPhrases.All, p => p.Code == result.Problem.Text.Code && p.Parameters.Length == result.Problem.Text.Args.Count);
        return result.Problem;
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.99)]
    public void A_word_document_cut_short_is_refused_as_damaged(double kept)
    {
        var file = Word2022();
        Refused(file[..(int)(file.Length * kept)], AgendaFileProblemKind.Damaged, "damaged or cut short");
    }

    /// <summary>A zip whose one part inflates to 80 MB from about 80 KB: refused once 64 MB have come out, not after all of it.</summary>
    [Fact]
    public void A_zip_bomb_is_refused_at_the_inflated_limit()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = archive.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var spaces = new byte[1024 * 1024];
            spaces.AsSpan().Fill((byte)' ');
            for (var i = 0; i < 80; i++)
            {
                part.Write(spaces);
            }
        }
        var file = zip.ToArray();
        Assert.True(file.Length < 1024 * 1024, $"the bomb is {file.Length:N0} bytes");
        Refused(file, AgendaFileProblemKind.TooLarge, "zip bomb");
    }

    [Fact]
    public void A_zip_of_thousands_of_parts_is_refused()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < AgendaFiles.MaxParts + 1; i++)
            {
                archive.CreateEntry($"part{i}.xml");
            }
        }
        Refused(zip.ToArray(), AgendaFileProblemKind.TooLarge, "parts");
    }

    [Fact]
    public void A_zip_that_is_not_a_word_document_is_refused_as_such()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("agenda.txt").Open());
            writer.Write("1. Opening of the session.");
        }
        Refused(zip.ToArray(), AgendaFileProblemKind.Damaged, "not a Word document");
    }

    [Fact]
    public void An_encrypted_pdf_is_refused_as_encrypted()
    {
        Refused(EncryptedPdf(), AgendaFileProblemKind.Encrypted, "encrypted");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_pdf_header_followed_by_garbage_is_refused_as_damaged(int seed)
    {
        var random = new Random(seed);
        var file = new byte[20_000];
        random.NextBytes(file);
        "%PDF-1.7\n"u8.CopyTo(file);
        Refused(file, AgendaFileProblemKind.Damaged, "PDF");
    }

    /// <summary>
    /// A PDF cut short: the reader may recover the pages before the cut (PdfPig reads leniently, as viewers do), or
    /// refuse it; it never throws, and what it gives is a prefix of the whole file's text.
    /// </summary>
    [Theory]
    [InlineData(0.3)]
    [InlineData(0.6)]
    [InlineData(0.95)]
    public void A_pdf_cut_short_gives_what_it_holds_or_is_refused_as_damaged(double kept)
    {
        var whole = AgendaFiles.Extract(Pdf2022(), AgendaFileFormat.Pdf).Text!;
        var file = Pdf2022();
        var result = AgendaFiles.Extract(file[..(int)(file.Length * kept)], AgendaFileFormat.Pdf);
        if (result.Problem is { } problem)
        {
            Assert.True(problem.Kind is AgendaFileProblemKind.Damaged or AgendaFileProblemKind.NoText, problem.ToString());
        }
        else
        {
            Assert.StartsWith(result.Text!.TrimEnd(), whole, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_pdf_whose_content_stream_inflates_past_the_limit_is_refused_before_it_is_read()
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var spaces = new byte[1024 * 1024];
            spaces.AsSpan().Fill((byte)' ');
            for (var i = 0; i < 80; i++)
            {
                zlib.Write(spaces);
            }
        }
        var stream = compressed.ToArray();
        var file = HandMadePdf(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            (Encoding.ASCII.GetBytes($"<< /Length {stream.Length} /Filter /FlateDecode >>\nstream\n"), stream, Encoding.ASCII.GetBytes("\nendstream")));
        Refused(file, AgendaFileProblemKind.TooLarge, "decompression bomb");
    }

    [Fact]
    public void A_pdf_without_text_is_refused_as_having_none()
    {
        var file = HandMadePdf(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>");
        Refused(file, AgendaFileProblemKind.NoText, "no text layer");
    }

    /// <summary>A one-page PDF with the standard security handler whose user password is not empty.</summary>
    private static byte[] EncryptedPdf()
    {
        var hash = "<" + string.Concat(Enumerable.Repeat("5A", 32)) + ">";
        return HandMadePdf(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
            $"<< /Filter /Standard /V 1 /R 2 /O {hash} /U {hash} /P -4 >>",
            trailerExtra: "/Encrypt 4 0 R /ID [<00112233445566778899AABBCCDDEEFF> <00112233445566778899AABBCCDDEEFF>]");
    }

    /// <summary>A PDF of the given objects (numbered from 1) with a correct cross-reference table.</summary>
    private static byte[] HandMadePdf(params object[] objects) => HandMadePdf(objects, "");

    private static byte[] HandMadePdf(string o1, string o2, string o3, string o4, string trailerExtra) => HandMadePdf([o1, o2, o3, o4], trailerExtra);

    private static byte[] HandMadePdf(object[] objects, string trailerExtra)
    {
        using var file = new MemoryStream();
        void Write(string s) => file.Write(Encoding.ASCII.GetBytes(s));
        Write("%PDF-1.4\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(file.Position);
            Write($"{i + 1} 0 obj\n");
            switch (objects[i])
            {
                case string text:
                    Write(text);
                    break;
                case (byte[] head, byte[] data, byte[] tail):
                    file.Write(head);
                    file.Write(data);
                    file.Write(tail);
                    break;
            }
            Write("\nendobj\n");
        }
        var xref = file.Position;
        Write($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write($"{offset:D10} 00000 n \n");
        }
        Write($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R {trailerExtra} >>\nstartxref\n{xref}\n%%EOF\n");
        return file.ToArray();
    }
}
