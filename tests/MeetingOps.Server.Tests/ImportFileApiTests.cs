using System.Net.Http.Headers;
using System.Text;
using MeetingOps.Server.Tests.Infrastructure;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Server.Tests;

/// <summary>
/// POST /api/meetings/import with the agenda as issued, over real HTTP: the 2022 sample written as a .docx and as a
/// PDF by the test gives the same definition as its text, creates the meeting, and damaged files answer 422 problems.
/// </summary>
[Collection(SharedServerCollection.Name)]
public sealed class ImportFileApiTests(SharedServer shared)
{
    private const string Agenda2022 = "ctoc-wg2-wg3-2022-annotated-agenda.txt";
    private const string WordType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private readonly MeetingOpsApi _api = shared.Api;

    private Task<ApiResponse> Import(byte[] body, string? mediaType, string query = "")
    {
        var content = new ByteArrayContent(body);
        if (mediaType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/meetings/import" + query) { Content = content };
        request.Headers.ExpectContinue = true;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServerProcess.TestOrganizerKey);
        return _api.SendAsync(request);
    }

    private async Task<string> PreviewedDefinition(byte[] body, string? mediaType)
    {
        var response = await Import(body, mediaType, "?dryRun=true");
        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        return response.Json["definition"]!.ToJsonString();
    }

    [Fact]
    public async Task The_word_and_pdf_files_of_the_2022_sample_give_the_definition_its_text_gives()
    {
        var text = RepoFiles.Sample(Agenda2022);
        var fromText = await PreviewedDefinition(Encoding.UTF8.GetBytes(text), "text/plain");

        Assert.Equal(fromText, await PreviewedDefinition(AgendaDocuments.Word(text), WordType));
        Assert.Equal(fromText, await PreviewedDefinition(AgendaDocuments.Pdf(text), "application/pdf"));
        // As a browser may send a file it has no type for: the first bytes tell.
        Assert.Equal(fromText, await PreviewedDefinition(AgendaDocuments.Word(text), "application/octet-stream"));
        Assert.Equal(fromText, await PreviewedDefinition(AgendaDocuments.Pdf(text), null));
    }

    [Fact]
    public async Task A_word_file_creates_the_meeting_that_runs_through_the_core_API()
    {
        var response = await Import(AgendaDocuments.Word(RepoFiles.Sample(Agenda2022)), WordType);

        Assert.True(response.Status == HttpStatusCode.Created, response.ToString());
        var id = (string)response.Json["id"]!;
        var chair = (string)response.Json["chairKey"]!;
        Assert.Equal(["wg3", "wg2"], response.Json["meeting"]!["bodies"]!.AsArray().Select(b => (string?)b!["id"]));
        await _api.OkAsync(id, "sessions/2022-05-23-am/start", chair);
        var opened = await _api.OkAsync(id, "items/opening/open", chair);
        Assert.Equal("opening", (string?)opened["currentItemId"]);
    }

    [Fact]
    public async Task Damaged_files_answer_422_saying_what_was_wrong_and_create_nothing()
    {
        var before = await _api.ListTextAsync();
        var word = AgendaDocuments.Word(RepoFiles.Sample(Agenda2022));

        var cut = ApiAssert.Problem(await Import(word[..(word.Length / 2)], WordType), HttpStatusCode.UnprocessableEntity, "agenda-file-not-readable");
        Assert.Equal("damaged", (string?)cut["kind"]);
        Assert.Contains("cut short", (string?)cut["detail"], StringComparison.Ordinal);

        var notPdf = ApiAssert.Problem(await Import(word, "application/pdf"), HttpStatusCode.UnprocessableEntity, "agenda-file-not-readable");
        Assert.Contains("%PDF-", (string?)notPdf["detail"], StringComparison.Ordinal);

        var garbage = new byte[10_000];
        new Random(7).NextBytes(garbage);
        "%PDF-1.7\n"u8.CopyTo(garbage);
        var damagedPdf = ApiAssert.Problem(await Import(garbage, "application/pdf"), HttpStatusCode.UnprocessableEntity, "agenda-file-not-readable");
        Assert.Equal("pdf", (string?)damagedPdf["format"]);

        ApiAssert.Problem(await Import(new byte[8 * 1024 * 1024 + 1], "application/pdf"), HttpStatusCode.RequestEntityTooLarge);
        ApiAssert.Problem(await Import("{}"u8.ToArray(), "application/json"), HttpStatusCode.BadRequest);

        Assert.Equal(before, await _api.ListTextAsync());
    }
}
