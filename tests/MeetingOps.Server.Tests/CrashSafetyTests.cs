using MeetingOps.Server.Tests.Infrastructure;

namespace MeetingOps.Server.Tests;

/// <summary>
/// kill -9 and restart on the same data directory: every acknowledged command survives, exactly; the meeting
/// carries on from where it stood; the generated organizer key survives too. Each test runs its own server.
/// </summary>
[Trait("Category", "Slow")]
public sealed class CrashSafetyTests
{
    [Fact]
    public async Task After_SIGKILL_and_restart_the_snapshot_and_log_are_identical_and_the_meeting_carries_on()
    {
        await using var server = await ServerProcess.StartAsync();
        var api = new MeetingOpsApi(server);
        var (id, chair, _) = await api.CreateAsync(Samples.Wg2Wg3_2022);

        // Ten commands (eleven changes), some with Idempotency-Keys.
        string[] commands =
        [
            "sessions/2022-05-23-am/start?confirm=offDay",
            "items/opening/open",
            "items/opening/conclude",
            "items/adoption-of-agenda/open",
            "items/adoption-of-agenda/adopt",
            "items/transfer-of-sentenced-persons/open",
            "sessions/2022-05-23-am/end",
            "sessions/2022-05-23-pm/start?confirm=offDay",
            "items/transfer-of-sentenced-persons/open",
            "items/transfer-of-sentenced-persons/conclude",
        ];
        for (var i = 0; i < commands.Length; i++)
        {
            await api.OkAsync(id, commands[i], chair, new CommandOptions(IdempotencyKey: $"pre-crash-{i}", ActorName: i % 2 == 0 ? "Chair" : null));
        }
        var before = await api.StateTextAsync(id);
        var listBefore = await api.ListTextAsync();
        Assert.Equal("\"11\"", before.ETag);

        server.KillHard();
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(128 + 9, server.Process.ExitCode); // died of SIGKILL, not a clean shutdown
        }
        await server.RestartAsync();

        var after = await api.StateTextAsync(id);
        Assert.Equal(before.ETag, after.ETag);
        Assert.Equal(before.Snapshot, after.Snapshot);
        Assert.Equal(before.Log, after.Log);
        Assert.Equal(listBefore, await api.ListTextAsync());

        // A retry of a command acknowledged before the crash is replayed, not applied again.
        var retry = await api.CommandAsync(id, commands[^1], chair, new CommandOptions(IdempotencyKey: $"pre-crash-{commands.Length - 1}"));
        Assert.Equal(HttpStatusCode.OK, retry.Status);
        Assert.Equal("true", retry.Header("Idempotent-Replayed"));
        Assert.Equal("\"11\"", retry.ETag);
        var retryStart = await api.CommandAsync(id, commands[0], chair, new CommandOptions(IdempotencyKey: "pre-crash-0"));
        Assert.Equal("true", retryStart.Header("Idempotent-Replayed"));
        Assert.Equal(before.Log, (await api.GetLogAsync(id)).Body);
        // A pre-crash key used for another command is still refused.
        ApiAssert.Problem(await api.CommandAsync(id, "sessions/2022-05-23-pm/end", chair, new CommandOptions(IdempotencyKey: "pre-crash-3")),
            HttpStatusCode.Conflict, "conflict");

        // The meeting carries on: versions continue strictly increasing from where they were.
        var s = await api.OkAsync(id, "sessions/2022-05-23-pm/end", chair, new CommandOptions(IfMatch: "\"11\""));
        Assert.Equal(12, (long)s["version"]!);
        s = await api.OkAsync(id, "sessions/2022-05-24-am/start?confirm=offDay", chair, new CommandOptions(IdempotencyKey: "post-crash-1"));
        Assert.Equal(13, (long)s["version"]!);
        s = await api.OkAsync(id, "items/application-of-the-organized-crime-convention/open", chair);
        Assert.Equal(14, (long)s["version"]!);
        Assert.Equal("application-of-the-organized-crime-convention", (string?)s["currentItemId"]);

        var log = (await api.GetLogAsync(id)).Json.AsArray();
        Assert.Equal(Enumerable.Range(1, 14).Select(v => (long)v), log.Select(e => (long)e!["version"]!));
        Assert.Single(log, e => (string?)e!["commandId"] == "pre-crash-9");

        // And a second crash keeps the post-crash commands as well.
        var beforeSecond = await api.StateTextAsync(id);
        server.KillHard();
        await server.RestartAsync();
        var afterSecond = await api.StateTextAsync(id);
        Assert.Equal(beforeSecond.Snapshot, afterSecond.Snapshot);
        Assert.Equal(beforeSecond.Log, afterSecond.Log);
        Assert.Equal("true", (await api.CommandAsync(id, "sessions/2022-05-24-am/start?confirm=offDay", chair, new CommandOptions(IdempotencyKey: "post-crash-1"))).Header("Idempotent-Replayed"));
    }

    [Fact]
    public async Task A_generated_organizer_key_and_a_meeting_created_just_before_SIGKILL_survive_the_restart()
    {
        await using var server = await ServerProcess.StartAsync(organizerKey: null);
        var api = new MeetingOpsApi(server);
        var keyFile = Path.Combine(server.DataDirectory, "organizer.key");

        Assert.True(File.Exists(keyFile), $"no {keyFile}{Environment.NewLine}{server.Describe()}");
        var key = File.ReadAllText(keyFile).Trim();
        Assert.True(key.Length >= 16, $"generated key too short: \"{key}\"");
        Assert.DoesNotContain(key, char.IsWhiteSpace);
        Assert.NotEqual(ServerProcess.TestOrganizerKey, key);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }
        Assert.Contains(key, server.Output, StringComparison.Ordinal); // printed that once, for the secretariat to copy

        var first = await api.CreateAsync(Samples.Wg3_2021, organizerKey: key);
        ApiAssert.Problem(await api.PostDefinitionAsync(Samples.Text(Samples.Wg3_2021), ServerProcess.TestOrganizerKey), HttpStatusCode.Forbidden, "wrong-key");
        var listBefore = await api.ListTextAsync();

        // Killed right after the 201: the meeting, its listing and its chair key must all be there after the restart.
        server.KillHard();
        var outputBeforeRestart = server.Output.Length;
        await server.RestartAsync();

        var get = await api.GetMeetingAsync(first.Id);
        Assert.Equal(HttpStatusCode.OK, get.Status);
        Assert.Equal("\"0\"", get.ETag);
        Assert.True(JsonNode.DeepEquals(first.Snapshot, get.Json), $"the snapshot changed over the restart:\n{get.Body}");
        Assert.Equal(listBefore, await api.ListTextAsync());

        Assert.Equal(key, File.ReadAllText(keyFile).Trim());
        Assert.DoesNotContain(key, server.Output[outputBeforeRestart..], StringComparison.Ordinal); // not printed again
        var second = await api.CreateAsync(Samples.Wg2Wg3_2022, organizerKey: key);
        Assert.NotEqual(first.Id, second.Id);
        // Both keys act on the meeting created before the restart: the generated organizer key and its chair key.
        var s = await api.OkAsync(first.Id, "sessions/2021-03-25-am/start?confirm=offDay", first.ChairKey, new CommandOptions(Key: key));
        Assert.Equal(1, (long)s["version"]!);
        s = await api.OkAsync(first.Id, "items/opening/open", first.ChairKey);
        Assert.Equal(2, (long)s["version"]!);
        var log = (await api.GetLogAsync(first.Id)).Json.AsArray();
        Assert.Equal(["organizer", "chair"], log.Select(e => (string)e!["actor"]!["role"]!).ToArray());
        ApiAssert.Problem(await api.PostDefinitionAsync(Samples.Text(Samples.Wg3_2021), "not-the-generated-key-0123456789"), HttpStatusCode.Forbidden, "wrong-key");
    }
}
