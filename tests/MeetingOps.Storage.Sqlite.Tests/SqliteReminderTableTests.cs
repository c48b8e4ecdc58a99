using Orleans;
using Orleans.Runtime;

namespace MeetingOps.Storage.Sqlite.Tests;

/// <summary>The embedded store's reminder table: rows kept in the same file across a reopen, read by grain and by ring range, removed only with their ETag.</summary>
public sealed class SqliteReminderTableTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static ReminderEntry Entry(string key, string name = "cap-watch") => new()
    {
        GrainId = GrainId.Create("sessiongrain", key),
        ReminderName = name,
        StartAt = new DateTime(2022, 5, 23, 8, 0, 0, DateTimeKind.Utc),
        Period = TimeSpan.FromMinutes(1),
    };

    [Fact]
    public async Task A_reminder_is_kept_across_a_reopen_and_removed_only_with_its_current_etag()
    {
        var entry = Entry("vienna2022/2022-05-23-am");
        string first, second;
        using (var storage = _database.CreateStorage())
        {
            var table = new SqliteReminderTable(storage);
            await table.StartAsync();
            first = (await table.UpsertRow(entry))!;
            second = (await table.UpsertRow(entry))!; // registering again updates the row and its etag
            Assert.NotEqual(first, second);
        }

        using var reopened = _database.CreateStorage();
        var again = new SqliteReminderTable(reopened);
        var read = await again.ReadRow(entry.GrainId, "cap-watch");
        Assert.Equal((entry.GrainId, entry.StartAt, entry.Period, second), (read!.GrainId, read.StartAt, read.Period, read.ETag));
        Assert.Single((await again.ReadRows(entry.GrainId)).Reminders);

        Assert.False(await again.RemoveRow(entry.GrainId, "cap-watch", first)); // a stale etag removes nothing
        Assert.True(await again.RemoveRow(entry.GrainId, "cap-watch", second));
        Assert.Null(await again.ReadRow(entry.GrainId, "cap-watch"));
    }

    [Fact]
    public async Task Ring_ranges_select_by_the_grains_hash_and_wrap_round()
    {
        using var storage = _database.CreateStorage();
        var table = new SqliteReminderTable(storage);
        var entries = Enumerable.Range(0, 40).Select(i => Entry($"m/{i}")).ToList();
        foreach (var entry in entries)
        {
            await table.UpsertRow(entry);
        }
        var hashes = entries.Select(e => e.GrainId.GetUniformHashCode()).Order().ToList();
        var (low, high) = (hashes[9], hashes[29]);

        var inside = (await table.ReadRows(low, high)).Reminders.Select(r => r.GrainId.GetUniformHashCode()).Order().ToList();
        var outside = (await table.ReadRows(high, low)).Reminders.Select(r => r.GrainId.GetUniformHashCode()).Order().ToList();

        Assert.Equal(hashes.Where(h => h > low && h <= high), inside);
        Assert.Equal(hashes.Where(h => h > high || h <= low), outside);
        Assert.Equal(40, (await table.ReadRows(low, low)).Reminders.Count); // the whole ring
    }
}
