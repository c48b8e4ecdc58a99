using System.Globalization;

namespace MeetingOps.Storage.Sqlite;

/// <summary>
/// A small file next to the database saying that the store has held grain state, and how many rows it had when last
/// counted. Why: a database file that is deleted, truncated to nothing or replaced by an empty one opens as a fresh
/// store, and the server would run "Healthy" with no meetings. With the marker present, an empty or missing database
/// is known to be a loss, and the store refuses to open.
/// </summary>
public static class SqliteStoreMarker
{
    /// <summary>The marker's path for a database path: the database's name with <c>.marker</c> appended.</summary>
    public static string PathFor(string databasePath) => databasePath + ".marker";

    /// <summary>The row count the marker recorded, or null when there is no marker (the store never held anything).</summary>
    public static long? Read(string databasePath)
    {
        var path = PathFor(databasePath);
        if (!File.Exists(path))
        {
            return null;
        }
        foreach (var line in File.ReadAllLines(path))
        {
            if (line.StartsWith("rows=", StringComparison.Ordinal)
                && long.TryParse(line.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var rows))
            {
                return rows;
            }
        }
        return 1; // a marker that does not read still says the store held something
    }

    /// <summary>Records that the store holds <paramref name="rows"/> rows (written whole, then flushed to disk).</summary>
    public static void Write(string databasePath, long rows)
    {
        var path = PathFor(databasePath);
        var temporary = path + ".tmp";
        var text = string.Create(CultureInfo.InvariantCulture,
            $"# MeetingOps: the database next to this file has held grain state. If the database is missing or empty while\n"
            + $"# this file exists, the store was lost: restore a backup (README, \"Backups and recovery\"). Do not delete this file to get past that.\n"
            + $"rows={rows}\ncounted={DateTimeOffset.UtcNow:O}\n");
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(text));
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Removes the marker (a restore of a backup that holds nothing).</summary>
    public static void Delete(string databasePath) => File.Delete(PathFor(databasePath));
}
