using System.Text.Json;
using System.Text.Json.Nodes;
using MeetingOps.Domain;
using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Import;
using MeetingOps.Tests.Shared;
using Xunit.Abstractions;

namespace MeetingOps.Import.Files.Tests;

/// <summary>The samples written as .docx and .pdf by <see cref="AgendaDocuments"/>: their text imports to the meeting the text file gives.</summary>
public sealed class SampleFileTests(ITestOutputHelper output)
{
    public const string Agenda2022 = "ctoc-wg2-wg3-2022-annotated-agenda.txt";
    public const string Agenda2021 = "ctoc-wg3-2021-annotated-agenda.txt";

    public static TheoryData<string> Agendas => new() { Agenda2022, Agenda2021 };

    /// <summary>JSON with object keys sorted: two definitions are equal, field for field, exactly when these strings are.</summary>
    public static string Canonical(MeetingDefinition definition) =>
        Sort(JsonSerializer.SerializeToNode(definition, MeetingOpsJson.Options))?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? "null";

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sort).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };

    private string ImportedFrom(byte[] file, AgendaFileFormat expected)
    {
        Assert.Equal(expected, AgendaFiles.Detect(file));
        var extracted = AgendaFiles.Extract(file, expected);
        Assert.Null(extracted.Problem);
        output.WriteLine(extracted.Text);
        var result = AgendaImporter.Import(extracted.Text!);
        Assert.True(result.Definition is not null, string.Join("\n", result.Errors));
        return Canonical(result.Definition);
    }

    private static string ImportedText(string agenda) => Canonical(AgendaImporter.Import(RepoFiles.Sample(agenda)).Definition!);

    [Theory]
    [MemberData(nameof(Agendas))]
    public void A_word_document_of_the_sample_with_the_annex_as_a_table_imports_to_the_same_meeting_as_its_text(string agenda)
    {
        var file = AgendaDocuments.Word(RepoFiles.Sample(agenda));
        Assert.Equal(ImportedText(agenda), ImportedFrom(file, AgendaFileFormat.Word));
    }

    [Theory]
    [MemberData(nameof(Agendas))]
    public void A_pdf_of_the_sample_imports_to_the_same_meeting_as_its_text(string agenda)
    {
        var file = AgendaDocuments.Pdf(RepoFiles.Sample(agenda));
        Assert.Equal(ImportedText(agenda), ImportedFrom(file, AgendaFileFormat.Pdf));
    }
}
