using Microsoft.Data.Sqlite;

namespace MeetingOps.Storage.Sqlite;

/// <summary>SQLite's own checks of a database file, and which SQLite errors mean the file itself is damaged.</summary>
public static class SqliteStoreChecks
{
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    /// <summary>
    /// Runs <c>PRAGMA quick_check</c> or <c>PRAGMA integrity_check</c> and returns what it found wrong (empty: "ok").
    /// At most 20 findings: enough to tell a damaged page from a damaged file.
    /// </summary>
    public static IReadOnlyList<string> Run(SqliteConnection connection, string check)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (check is not ("quick_check" or "integrity_check"))
        {
            throw new ArgumentOutOfRangeException(nameof(check), check, "quick_check or integrity_check");
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {check}(20);";
        var findings = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var line = reader.GetString(0);
            if (!string.Equals(line, "ok", StringComparison.OrdinalIgnoreCase))
            {
                findings.Add(line);
            }
        }
        return findings;
    }

    /// <summary>The findings on one line, for a message.</summary>
    public static string Summary(IReadOnlyList<string> findings) =>
        findings.Count <= 3 ? string.Join("; ", findings) : string.Join("; ", findings.Take(3)) + $"; and {findings.Count - 3} more";

    /// <summary>Whether SQLite says the file is damaged or not a database at all (as opposed to busy, full or unreachable).</summary>
    public static bool IsDamage(SqliteException exception) =>
        (exception?.SqliteErrorCode & 0xFF) is SqliteCorrupt or SqliteNotADatabase;
}
