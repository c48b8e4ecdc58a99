using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MeetingOps.Domain;
using MeetingOps.Domain.Definition;
using MeetingOps.Storage.Sqlite;
using MeetingOps.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace MeetingOps.Grains.Tests;

/// <summary>
/// The meeting's state in SQLite: a small head row and the log as records beside it. A command's write is the head
/// plus its new record, so it does not grow with the meeting's history; a row from before (log inline) moves out.
/// </summary>
public sealed class MeetingStateStorageTests : IDisposable
{
    private static readonly MeetingDefinition Vienna2022 = DefinitionReader.Parse(Encoding.UTF8.GetBytes(RepoFiles.Sample(RepoFiles.Vienna2022))).Definition!;
    private static readonly GrainId Grain = GrainId.Create("meeting", "vienna2022");

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "meetingops-state-tests-" + Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_directory, "grains.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private SqliteGrainStorage Storage() => new("meetings", new SqliteGrainStorageOptions { DatabasePath = DatabasePath, SerializerOptions = MeetingOpsJson.Options });

    private static LogEntry Change(long version) => new(version, DateTimeOffset.UnixEpoch.AddMinutes(version), $"command-{version}",
        new Actor(Role.Chair), ChangeSubject.Item, "opening", "2022-05-23-am", "open", "pending", "open");

    [Fact]
    [Trait("Category", "Slow")]
    public async Task After_4000_commands_a_commands_write_is_as_big_as_after_the_first_few()
    {
        using var storage = Storage();
        var state = new GrainState<MeetingState>(new MeetingState { ChairKeyHash = "hash", CreatedAt = DateTimeOffset.UnixEpoch });
        state.State!.Define(Vienna2022);
        await storage.WriteStateAsync("meeting", Grain, state);

        var writeSizes = new List<long>();
        for (var version = 1L; version <= 4_000; version++)
        {
            var before = StoredBytes();
            state.State!.Version = version;
            state.State!.Commit($"command-{version}", $"open item opening {version}", [Change(version)]);
            await storage.WriteStateAsync("meeting", Grain, state);
            writeSizes.Add(StoredBytes() - before + HeadBytes()); // the new record plus the head rewritten
        }

        // What a write stores stays flat: the 4,000th costs what the 10th did, give or take the digits of the version.
        Assert.InRange(writeSizes[^1] - writeSizes[9], 0, 16);
        Assert.True(HeadBytes() < 200, $"the head is {HeadBytes()} bytes");
        Assert.Equal(4_001L, Scalar("SELECT count(*) FROM grain_log"));

        var read = new GrainState<MeetingState>();
        await storage.ReadStateAsync("meeting", Grain, read);
        Assert.Equal(4_000, read.State!.Log.Count);
        Assert.Equal(4_001, read.State!.StoredRecordCount);
        Assert.Equal("open item opening 4000", read.State!.Commands["command-4000"]);
        Assert.Equal(Vienna2022.Title, read.State!.Definition!.Title);
    }

    [Fact]
    public async Task A_row_from_before_with_its_log_inline_is_read_whole_and_its_next_write_moves_the_log_out()
    {
        using (var storage = Storage())
        {
            await storage.ReadStateAsync("meeting", GrainId.Create("meeting", "other"), new GrainState<MeetingState>()); // creates the file
        }
        var legacy = new JsonObject
        {
            ["definition"] = JsonSerializer.SerializeToNode(Vienna2022, MeetingOpsJson.Options),
            ["chairKeyHash"] = "hash",
            ["createdAt"] = "2022-05-23T07:00:00+00:00",
            ["version"] = 2,
            ["log"] = JsonSerializer.SerializeToNode(new[] { Change(1), Change(2) }, MeetingOpsJson.Options),
            ["pending"] = JsonSerializer.SerializeToNode(new[] { Change(2) }, MeetingOpsJson.Options),
            ["commands"] = new JsonObject { ["command-1"] = "first", ["command-2"] = "second" },
            ["schedule"] = null,
            ["listed"] = true,
        };
        Execute("INSERT INTO grain_state (state_name, grain_id, etag, payload, updated_at) VALUES ('meeting', $grain, 7, $payload, '2022-05-23T07:00:00Z')",
            ("$grain", Grain.ToString()), ("$payload", legacy.ToJsonString()));

        using var again = Storage();
        var state = new GrainState<MeetingState>();
        await again.ReadStateAsync("meeting", Grain, state);
        Assert.Equal([1L, 2L], state.State!.Log.Select(e => e.Version));
        Assert.Equal("second", state.State!.Commands["command-2"]);
        Assert.Equal(0, state.State!.StoredRecordCount);

        state.State!.Version = 3;
        state.State!.Commit("command-3", "third", [Change(3)]);
        await again.WriteStateAsync("meeting", Grain, state);

        var head = JsonNode.Parse((string)Scalar("SELECT payload FROM grain_state WHERE grain_id = $grain", ("$grain", Grain.ToString()))!)!.AsObject();
        Assert.False(head.ContainsKey("log") || head.ContainsKey("definition") || head.ContainsKey("pending") || head.ContainsKey("commands"), head.ToJsonString());
        Assert.Equal(4L, Scalar("SELECT count(*) FROM grain_log WHERE grain_id = $grain", ("$grain", Grain.ToString())));
        var read = new GrainState<MeetingState>();
        await again.ReadStateAsync("meeting", Grain, read);
        Assert.Equal([1L, 2L, 3L], read.State!.Log.Select(e => e.Version));
        Assert.Equal("first", read.State!.Commands["command-1"]);
    }

    [Fact]
    public async Task A_stale_writer_appends_nothing()
    {
        using var storage = Storage();
        var first = new GrainState<MeetingState>(new MeetingState());
        first.State!.Define(Vienna2022);
        await storage.WriteStateAsync("meeting", Grain, first);
        var stale = new GrainState<MeetingState>();
        await storage.ReadStateAsync("meeting", Grain, stale);

        first.State!.Commit("a", "a", [Change(1)]);
        await storage.WriteStateAsync("meeting", Grain, first);
        stale.State!.Commit("b", "b", [Change(1)]);

        await Assert.ThrowsAsync<Orleans.Storage.InconsistentStateException>(() => storage.WriteStateAsync("meeting", Grain, stale));
        Assert.Equal(2L, Scalar("SELECT count(*) FROM grain_log"));
    }

    private long StoredBytes() => (long)Scalar("SELECT coalesce(sum(length(payload)), 0) FROM grain_log")!;

    private long HeadBytes() => (long)Scalar("SELECT length(payload) FROM grain_state WHERE state_name = 'meeting'")!;

    private object? Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command.ExecuteScalar();
    }

    private void Execute(string sql, params (string Name, object Value)[] parameters) => Scalar(sql, parameters);
}
