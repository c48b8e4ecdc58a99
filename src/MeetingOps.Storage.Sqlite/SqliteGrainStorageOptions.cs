using System.Text.Json;

namespace MeetingOps.Storage.Sqlite;

/// <summary>Settings of one <see cref="SqliteGrainStorage"/> provider.</summary>
public sealed class SqliteGrainStorageOptions
{
    /// <summary>
    /// Path of the SQLite database file. Its directory is created if missing.
    /// Give each named provider its own file: rows are keyed by state name and grain id only.
    /// </summary>
    public required string DatabasePath { get; set; }

    /// <summary>
    /// JSON settings for the state payload. The host passes its own so that state on disk follows
    /// the same conventions as everything else it writes; null means System.Text.Json's web defaults.
    /// </summary>
    public JsonSerializerOptions? SerializerOptions { get; set; }
}
