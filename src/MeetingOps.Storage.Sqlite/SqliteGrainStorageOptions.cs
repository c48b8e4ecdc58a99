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

    /// <summary>
    /// A ceiling on the database's size in pages of 4 KB (SQLite's max_page_count); null: none. Writes beyond it fail
    /// as on a full disk, and readiness says so. The host sets it from MeetingOps:DatabaseMaxMegabytes.
    /// </summary>
    public long? MaxPageCount { get; set; }

    /// <summary>Readiness fails when the database's disk has less free space than this (0: not checked).</summary>
    public long MinimumFreeBytes { get; set; } = 32L * 1024 * 1024;
}
