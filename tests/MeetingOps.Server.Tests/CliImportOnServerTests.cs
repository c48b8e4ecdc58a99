using MeetingOps.Cli;
using MeetingOps.Server.Tests.Infrastructure;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Server.Tests;

/// <summary>
/// <c>meetingops import --server</c> against a running server: the CLI reads the server's answers as the shared wire
/// records (ImportedMeeting, ImportPreview), so what it prints is what the server created.
/// </summary>
[Collection(SharedServerCollection.Name)]
public sealed class CliImportOnServerTests(SharedServer shared)
{
    private readonly MeetingOpsApi _api = shared.Api;

    private static string Agenda(string name) => Path.Combine(RepoFiles.SamplesFolder, name);

    private async Task<(int Code, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CommandLine.RunAsync([.. args, "--server", shared.Server.BaseAddress.ToString(), "--key", ServerProcess.TestOrganizerKey],
            stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task An_import_prints_the_id_and_chair_key_of_the_meeting_the_server_created()
    {
        var (code, stdout, stderr) = await Run("import", Agenda("ctoc-wg2-wg3-2022-annotated-agenda.txt"));

        Assert.True(code == CommandLine.Ok, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var id = Assert.Single(lines, l => l.StartsWith("id: ", StringComparison.Ordinal))["id: ".Length..];
        var chairKey = Assert.Single(lines, l => l.StartsWith("chairKey: ", StringComparison.Ordinal))["chairKey: ".Length..];
        Assert.Contains("The chair key is shown this once", stderr, StringComparison.Ordinal);
        // The key printed is the meeting's: it acts as chair.
        var opened = await _api.OkAsync(id, "sessions/2022-05-23-am/start?confirm=offDay", chairKey);
        Assert.Equal("2022-05-23-am", (string?)opened["currentSessionId"]);
    }

    [Fact]
    public async Task A_dry_run_prints_the_definition_and_the_importers_warnings_and_creates_nothing()
    {
        var before = await _api.ListTextAsync();

        var (code, stdout, stderr) = await Run("import", Agenda("ctoc-wg3-2021-annotated-agenda.txt"), "--dry-run");

        Assert.True(code == CommandLine.Ok, stderr);
        var definition = JsonNode.Parse(stdout)!;
        Assert.Equal("Europe/Vienna", (string?)definition["timeZone"]);
        Assert.Equal(4, definition["sessions"]!.AsArray().Count);
        Assert.DoesNotContain("id: ", stdout, StringComparison.Ordinal);
        Assert.Equal(before, await _api.ListTextAsync());
    }
}
