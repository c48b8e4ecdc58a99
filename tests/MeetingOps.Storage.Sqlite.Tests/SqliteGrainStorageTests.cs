using System.Text.Json;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace MeetingOps.Storage.Sqlite.Tests;

public sealed class SqliteGrainStorageTests
{
    private const string StateName = "counter";
    private static readonly GrainId Grain = GrainId.Create("counter", "a");

    [Fact]
    public async Task Read_of_missing_state_gives_new_state_without_etag_or_record()
    {
        using var db = new TempDatabase();
        await using var storage = db.CreateStorage();
        var state = new GrainState<CounterState>(new CounterState { Count = 99 }, "stale");

        await storage.ReadStateAsync(StateName, Grain, state);

        Assert.NotNull(state.State);
        Assert.Equal(0, state.State!.Count);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
    }

    [Fact]
    public async Task Write_then_read_in_a_new_storage_instance_gives_same_state_etag_and_record()
    {
        using var db = new TempDatabase();
        var written = new GrainState<CounterState>(new CounterState { Count = 7, Label = "seven", Items = ["x", "y"] });
        await using (var storage = db.CreateStorage())
        {
            await storage.WriteStateAsync(StateName, Grain, written);
        }

        Assert.NotNull(written.ETag);
        Assert.True(written.RecordExists);

        await using var reopened = db.CreateStorage();
        var read = new GrainState<CounterState>();
        await reopened.ReadStateAsync(StateName, Grain, read);

        Assert.Equal(7, read.State!.Count);
        Assert.Equal("seven", read.State!.Label);
        Assert.Equal(["x", "y"], read.State!.Items);
        Assert.Equal(written.ETag, read.ETag);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task Every_write_gives_a_new_larger_etag()
    {
        using var db = new TempDatabase();
        await using var storage = db.CreateStorage();
        var state = new GrainState<CounterState>(new CounterState());

        await storage.WriteStateAsync(StateName, Grain, state);
        var first = long.Parse(state.ETag!, System.Globalization.CultureInfo.InvariantCulture);
        await storage.WriteStateAsync(StateName, Grain, state);
        var second = long.Parse(state.ETag!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(second > first);
    }

    [Fact]
    public async Task Write_with_stale_etag_throws_and_leaves_stored_value_unchanged()
    {
        using var db = new TempDatabase();
        await using var storage = db.CreateStorage();
        var first = new GrainState<CounterState>(new CounterState { Count = 1 });
        await storage.WriteStateAsync(StateName, Grain, first);
        var staleETag = first.ETag;

        first.State!.Count = 2;
        await storage.WriteStateAsync(StateName, Grain, first);
        var currentETag = first.ETag;

        var stale = new GrainState<CounterState>(new CounterState { Count = 3 }, staleETag!);
        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, Grain, stale));

        Assert.Equal(currentETag, error.StoredEtag);
        Assert.Equal(staleETag, error.CurrentEtag);
        Assert.Equal(staleETag, stale.ETag);
        var read = new GrainState<CounterState>();
        await storage.ReadStateAsync(StateName, Grain, read);
        Assert.Equal(2, read.State!.Count);
        Assert.Equal(currentETag, read.ETag);
    }

    [Fact]
    public async Task Write_without_etag_when_a_row_exists_throws_and_changes_nothing()
    {
        using var db = new TempDatabase();
        await using var storage = db.CreateStorage();
        var existing = new GrainState<CounterState>(new CounterState { Count = 1 });
        await storage.WriteStateAsync(StateName, Grain, existing);

        var blind = new GrainState<CounterState>(new CounterState { Count = 5 });
        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, Grain, blind));

        Assert.Equal(existing.ETag, error.StoredEtag);
        Assert.Null(error.CurrentEtag);
        Assert.Null(blind.ETag);
        Assert.False(blind.RecordExists);
        var read = new GrainState<CounterState>();
        await storage.ReadStateAsync(StateName, Grain, read);
        Assert.Equal(1, read.State!.Count);
        Assert.Equal(existing.ETag, read.ETag);
    }

    [Fact]
    public async Task Write_with_etag_when_no_row_exists_throws_and_creates_nothing()
    {
        using var db = new TempDatabase();
        await using var storage = db.CreateStorage();
        var phantom = new GrainState<CounterState>(new CounterState { Count = 5 }, "12");

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, Grain, phantom));

        Assert.Null(error.StoredEtag);
        Assert.Equal("12", error.CurrentEtag);
        Assert.Equal(0L, db.Scalar("SELECT COUNT(*) FROM grain_state;"));
    }

    [Fact]
    public async Task Clear_deletes_the_row_and_resets_the_grain_state()
    {
        using var db = new TempDatabase();
        await using var storage = db.CreateStorage();
        var state = new GrainState<CounterState>(new CounterState { Count = 4, Label = "four" });
        await storage.WriteStateAsync(StateName, Grain, state);
        var stateBeforeClear = state.State;

        await storage.ClearStateAsync(StateName, Grain, state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.NotSame(stateBeforeClear, state.State);
        Assert.Equal(0, state.State!.Count);
        Assert.Null(state.State!.Label);
        Assert.Equal(0L, db.Scalar("SELECT COUNT(*) FROM grain_state;"));

        await using var reopened = db.CreateStorage();
        var read = new GrainState<CounterState>();
        await reopened.ReadStateAsync(StateName, Grain, read);
        Assert.Equal(0, read.State!.Count);
        Assert.Null(read.ETag);
        Assert.False(read.RecordExists);
    }

    [Fact]
    public async Task Clear_with_stale_etag_throws_and_keeps_the_row()
    {
        using var db = new TempDatabase();
        await using var storage = db.CreateStorage();
        var state = new GrainState<CounterState>(new CounterState { Count = 1 });
        await storage.WriteStateAsync(StateName, Grain, state);
        var stale = new GrainState<CounterState>(new CounterState(), state.ETag!);
        await storage.WriteStateAsync(StateName, Grain, state);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, Grain, stale));

        Assert.Equal(state.ETag, error.StoredEtag);
        var read = new GrainState<CounterState>();
        await storage.ReadStateAsync(StateName, Grain, read);
        Assert.True(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task An_etag_from_before_a_clear_does_not_match_the_row_written_after_it()
    {
        using var db = new TempDatabase();
        await using var storage = db.CreateStorage();
        var state = new GrainState<CounterState>(new CounterState { Count = 1 });
        await storage.WriteStateAsync(StateName, Grain, state);
        var beforeClear = state.ETag!;
        await storage.ClearStateAsync(StateName, Grain, state);
        await storage.WriteStateAsync(StateName, Grain, state);

        Assert.NotEqual(beforeClear, state.ETag);
        var stale = new GrainState<CounterState>(new CounterState { Count = 9 }, beforeClear);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, Grain, stale));
    }

    [Fact]
    public async Task Different_grain_ids_and_state_names_are_independent()
    {
        using var db = new TempDatabase();
        await using var storage = db.CreateStorage();
        var otherGrain = GrainId.Create("counter", "b");
        const string otherState = "other";

        await storage.WriteStateAsync(StateName, Grain, new GrainState<CounterState>(new CounterState { Count = 1 }));
        await storage.WriteStateAsync(StateName, otherGrain, new GrainState<CounterState>(new CounterState { Count = 2 }));
        await storage.WriteStateAsync(otherState, Grain, new GrainState<CounterState>(new CounterState { Count = 3 }));
        var cleared = new GrainState<CounterState>();
        await storage.ReadStateAsync(otherState, Grain, cleared);
        await storage.ClearStateAsync(otherState, Grain, cleared);

        Assert.Equal(1, (await Read(storage, StateName, Grain)).State!.Count);
        Assert.Equal(2, (await Read(storage, StateName, otherGrain)).State!.Count);
        Assert.False((await Read(storage, otherState, Grain)).RecordExists);
        Assert.False((await Read(storage, otherState, otherGrain)).RecordExists);
    }

    [Fact]
    public async Task Unreadable_json_gives_a_clear_exception_and_the_row_is_left_as_it_was()
    {
        using var db = new TempDatabase();
        await using var storage = db.CreateStorage();
        var state = new GrainState<CounterState>(new CounterState { Count = 1 });
        await storage.WriteStateAsync(StateName, Grain, state);
        const string corrupt = """{"count": "not a number",""";
        db.Scalar("UPDATE grain_state SET payload = $payload;", ("$payload", corrupt));

        var victim = new GrainState<CounterState>(new CounterState { Count = 42 });
        var victimState = victim.State;
        var error = await Assert.ThrowsAsync<SqliteGrainStateUnreadableException>(() => storage.ReadStateAsync(StateName, Grain, victim));

        Assert.IsAssignableFrom<JsonException>(error.InnerException);
        Assert.Contains(Grain.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains(StateName, error.Message, StringComparison.Ordinal);
        Assert.Contains(db.Path, error.Message, StringComparison.Ordinal);
        Assert.Equal(Grain.ToString(), error.GrainId);
        Assert.Equal(StateName, error.StateName);
        Assert.Equal(db.Path, error.DatabasePath);
        Assert.Same(victimState, victim.State);
        Assert.Null(victim.ETag);
        Assert.False(victim.RecordExists);

        // The failed read left the grain without the stored etag, so a write cannot replace the row.
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, Grain, victim));
        Assert.Equal(corrupt, db.Scalar("SELECT payload FROM grain_state;"));
        Assert.Equal(state.ETag, Convert.ToString(db.Scalar("SELECT etag FROM grain_state;"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Concurrent_writes_to_different_grains_all_land()
    {
        using var db = new TempDatabase();
        const int grains = 200;
        await using (var storage = db.CreateStorage())
        {
            // Task.Run puts the writers on several threads, so they really contend for the connection.
            await Task.WhenAll(Enumerable.Range(0, grains).Select(i => Task.Run(async () =>
            {
                var state = new GrainState<CounterState>(new CounterState { Count = i });
                await storage.WriteStateAsync(StateName, GrainId.Create("counter", $"g{i}"), state);
                state.State!.Count = i * 10;
                await storage.WriteStateAsync(StateName, GrainId.Create("counter", $"g{i}"), state);
            })));
        }

        await using var reopened = db.CreateStorage();
        for (var i = 0; i < grains; i++)
        {
            var read = await Read(reopened, StateName, GrainId.Create("counter", $"g{i}"));
            Assert.True(read.RecordExists);
            Assert.Equal(i * 10, read.State!.Count);
        }

        Assert.Equal((long)grains, db.Scalar("SELECT COUNT(*) FROM grain_state;"));
        Assert.Equal(2L * grains, db.Scalar("SELECT last_etag FROM etag_sequence;"));
    }

    [Fact]
    public async Task Database_is_created_in_a_missing_folder_with_WAL_journaling()
    {
        using var db = new TempDatabase();
        await using var storage = db.CreateStorage();
        Assert.False(File.Exists(db.Path));

        await storage.WriteStateAsync(StateName, Grain, new GrainState<CounterState>(new CounterState()));

        Assert.True(File.Exists(db.Path));
        Assert.Equal(db.Path, storage.DatabasePath);
        Assert.Equal("wal", db.Scalar("PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task Acknowledged_writes_are_on_disk_without_a_clean_close()
    {
        using var db = new TempDatabase();
        await using var storage = db.CreateStorage();
        var state = new GrainState<CounterState>(new CounterState { Count = 11 });
        await storage.WriteStateAsync(StateName, Grain, state);

        // Copy the files while the provider still holds its connection open: the image a kill -9 leaves
        // behind (no checkpoint, no close). The WAL file carries the committed write.
        var crashImage = Path.Combine(Path.GetDirectoryName(db.Path)!, "crash-image.db");
        File.Copy(db.Path, crashImage);
        File.Copy(db.Path + "-wal", crashImage + "-wal");

        await using var recovered = new SqliteGrainStorage("recovered", new SqliteGrainStorageOptions { DatabasePath = crashImage });
        var read = await Read(recovered, StateName, Grain);
        Assert.Equal(11, read.State!.Count);
        Assert.Equal(state.ETag, read.ETag);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task Payload_is_json_with_web_defaults_unless_the_host_passes_its_own_options()
    {
        using var db = new TempDatabase();
        await using (var storage = db.CreateStorage())
        {
            await storage.WriteStateAsync(StateName, Grain, new GrainState<CounterState>(new CounterState { Count = 3 }));
        }

        Assert.Equal("""{"count":3,"label":null,"items":[]}""", db.Scalar("SELECT payload FROM grain_state;"));

        var hostOptions = new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
        await using (var storage = new SqliteGrainStorage("host", new SqliteGrainStorageOptions { DatabasePath = db.Path, SerializerOptions = hostOptions }))
        {
            await storage.WriteStateAsync("host", Grain, new GrainState<CounterState>(new CounterState { Count = 4 }));
            Assert.Equal(4, (await Read(storage, "host", Grain)).State!.Count);
        }

        Assert.Equal("""{"Count":4,"Items":[]}""", db.Scalar("SELECT payload FROM grain_state WHERE state_name = 'host';"));
    }

    private static async Task<GrainState<CounterState>> Read(SqliteGrainStorage storage, string stateName, GrainId grainId)
    {
        var state = new GrainState<CounterState>();
        await storage.ReadStateAsync(stateName, grainId, state);
        return state;
    }
}
