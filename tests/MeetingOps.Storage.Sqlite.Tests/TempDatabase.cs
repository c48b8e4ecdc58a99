using Microsoft.Data.Sqlite;

namespace MeetingOps.Storage.Sqlite.Tests;

/// <summary>
/// A database path of a test's own, in a folder that does not exist yet (so every test also covers the
/// provider creating it); the folder, the file and its WAL/SHM companions are deleted on dispose.
/// </summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly string _root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"meetingops-sqlite-tests-{Guid.NewGuid():N}");

    public TempDatabase() => Path = System.IO.Path.Combine(_root, "nested", "grains.db");

    public string Path { get; }

    public SqliteGrainStorage CreateStorage(string name = "test") => new(name, new SqliteGrainStorageOptions { DatabasePath = Path });

    /// <summary>A separate raw connection, for looking at or tampering with rows behind the provider's back.</summary>
    public SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public object? Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
