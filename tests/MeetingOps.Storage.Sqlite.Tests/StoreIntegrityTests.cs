using Orleans;
using Orleans.Runtime;

namespace MeetingOps.Storage.Sqlite.Tests;

/// <summary>
/// The store refuses to open on a lost or damaged file (with a message naming the file, what is wrong and what to do),
/// remembers damaged rows, and tells when writes fail: the findings of issue 18, part 4.
/// </summary>
public sealed class StoreIntegrityTests
{
    private const string StateName = "meeting";
    private static readonly GrainId Grain = GrainId.Create("meeting", "m1");

    [Fact]
    public async Task A_fresh_store_opens_in_WAL_with_synchronous_FULL_and_marks_itself_once_it_holds_state()
    {
        using var db = new TempDatabase();
        await using (var storage = db.CreateStorage())
        {
            await storage.ReadStateAsync(StateName, Grain, new GrainState<CounterState>());
            Assert.False(File.Exists(SqliteStoreMarker.PathFor(db.Path))); // nothing held yet: nothing to lose
            await storage.WriteStateAsync(StateName, Grain, new GrainState<CounterState>(new CounterState { Count = 1 }));
            Assert.Equal(1, SqliteStoreMarker.Read(db.Path));
            Assert.Empty(await storage.CheckAsync(CancellationToken.None));
        }

        Assert.Equal("wal", db.Scalar("PRAGMA journal_mode;"));
        await using var reopened = db.CreateStorage();
        await reopened.ReadStateAsync(StateName, Grain, new GrainState<CounterState>());
        Assert.Equal(1, SqliteStoreMarker.Read(db.Path));
    }

    [Theory]
    [InlineData("deleted", "missing")]
    [InlineData("truncated", "empty (0 bytes)")]
    [InlineData("replaced", "holds no meeting state")]
    public async Task A_store_that_held_state_refuses_to_open_when_its_database_is_lost(string how, string said)
    {
        using var db = new TempDatabase();
        await WriteRowsAsync(db, 3);
        DeleteCompanions(db.Path);
        switch (how)
        {
            case "deleted":
                File.Delete(db.Path);
                break;
            case "truncated":
                File.WriteAllBytes(db.Path, []);
                break;
            default:
                File.Delete(db.Path);
                using (var empty = new TempDatabase())
                {
                    await using (var fresh = empty.CreateStorage())
                    {
                        await fresh.ReadStateAsync(StateName, Grain, new GrainState<CounterState>());
                    }
                    File.Copy(empty.Path, db.Path);
                }
                break;
        }

        await using var storage = db.CreateStorage();
        var refused = await Assert.ThrowsAsync<SqliteStoreRefusedException>(() => storage.ReadStateAsync(StateName, Grain, new GrainState<CounterState>()));

        Assert.Contains(db.Path, refused.Message, StringComparison.Ordinal);
        Assert.Contains(said, refused.Message, StringComparison.Ordinal);
        Assert.Contains("row(s) when last counted", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Backups and recovery", refused.Message, StringComparison.Ordinal);
        // Refused before SQLite touched the file: no fresh database made in place of the lost one.
        Assert.Equal(how == "deleted", !File.Exists(db.Path));
    }

    [Fact]
    public async Task A_database_with_a_damaged_page_is_refused_at_open_by_quick_check()
    {
        using var db = new TempDatabase();
        await WriteRowsAsync(db, 40);
        DeleteCompanions(db.Path);
        var length = new FileInfo(db.Path).Length;
        Assert.True(length > 5 * 4096, $"the test database is only {length} bytes");
        var garbage = new byte[4096];
        new Random(18).NextBytes(garbage);
        using (var file = new FileStream(db.Path, FileMode.Open, FileAccess.Write))
        {
            file.Position = 2 * 4096; // the third page: a b-tree page of grain_state, not the header
            file.Write(garbage);
        }

        await using var storage = db.CreateStorage();
        var refused = await Assert.ThrowsAsync<SqliteStoreRefusedException>(() => storage.ReadStateAsync(StateName, Grain, new GrainState<CounterState>()));
        Assert.Contains(db.Path, refused.Message, StringComparison.Ordinal);
        Assert.Contains("Backups and recovery", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_whose_state_does_not_read_is_remembered_as_damaged_and_the_check_names_it()
    {
        using var db = new TempDatabase();
        await using var storage = db.CreateStorage();
        await storage.WriteStateAsync(StateName, Grain, new GrainState<CounterState>(new CounterState { Count = 1 }));
        db.Scalar("UPDATE grain_state SET payload = 'garbage{';");

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<SqliteGrainStateUnreadableException>(() => storage.ReadStateAsync(StateName, Grain, new GrainState<CounterState>()));
        }

        var damaged = Assert.Single(storage.Health.DamagedRows);
        Assert.Equal($"meeting / {Grain}", damaged.Key);
        var problem = Assert.Single(await storage.CheckAsync(CancellationToken.None));
        Assert.Contains(Grain.ToString(), problem, StringComparison.Ordinal);
        Assert.Contains("restore a backup", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failing_writes_make_the_check_fail_until_a_write_succeeds_again()
    {
        // The failing writes are real SQLite ones: a size ceiling (max_page_count) reached answers SQLITE_FULL,
        // exactly as a full disk does.
        using var db = new TempDatabase();
        var options = new SqliteGrainStorageOptions { DatabasePath = db.Path, MaxPageCount = 40 };
        await using var storage = new SqliteGrainStorage("test", options);
        var state = new GrainState<CounterState>(new CounterState());
        await storage.WriteStateAsync(StateName, Grain, state);
        Assert.Empty(await storage.CheckAsync(CancellationToken.None));

        state.State!.Items = [new string('x', 400_000)];
        var full = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => storage.WriteStateAsync(StateName, Grain, state));
        Assert.Equal(13, full.SqliteErrorCode); // SQLITE_FULL
        Assert.NotNull(storage.Health.LastWriteFailure);

        var problem = Assert.Single(await storage.CheckAsync(CancellationToken.None));
        Assert.Contains("Writes to", problem, StringComparison.Ordinal);
        Assert.Contains("full", problem, StringComparison.OrdinalIgnoreCase);

        // Room again (a smaller state): the write succeeds and readiness with it.
        state.State!.Items = ["small"];
        await storage.WriteStateAsync(StateName, Grain, state);
        Assert.Null(storage.Health.LastWriteFailure);
        Assert.Empty(await storage.CheckAsync(CancellationToken.None));
    }

    private static async Task WriteRowsAsync(TempDatabase db, int rows)
    {
        await using var storage = db.CreateStorage();
        for (var i = 0; i < rows; i++)
        {
            var state = new GrainState<CounterState>(new CounterState { Count = i, Items = [new string('r', 600)] });
            await storage.WriteStateAsync(StateName, GrainId.Create("meeting", $"m{i}"), state);
        }
    }

    /// <summary>Closing the last connection checkpoints the WAL into the file; any leftovers go, so only the file counts.</summary>
    private static void DeleteCompanions(string path)
    {
        File.Delete(path + "-wal");
        File.Delete(path + "-shm");
    }
}
