using Microsoft.Data.Sqlite;

namespace MeetingOps.Tests.Shared;

/// <summary>
/// Damage done to a stopped server's embedded store, as a bad disk or a careless hand would. Shared by the server tests
/// (the hub's answer) and the security suite (the storage damage cases).
/// </summary>
public static class StoredRows
{
    /// <summary>Overwrites the stored state of one meeting with <paramref name="payload"/> (the server must be stopped).</summary>
    public static void Damage(string dataDirectory, string meetingId, string payload = "\u0001\u0002 not the meeting {\"definition\": [") =>
        Overwrite(dataDirectory, "UPDATE grain_state SET payload = $payload WHERE state_name = 'meeting' AND grain_id = $grain;", meetingId, payload);

    /// <summary>
    /// Overwrites one record of a meeting's history (grain_log, numbered from 0: the definition, then one per command)
    /// with <paramref name="payload"/> (the server must be stopped).
    /// </summary>
    public static void DamageRecord(string dataDirectory, string meetingId, int seq, string payload = "{\"changes\": [{\"version\": \"x") =>
        Overwrite(dataDirectory, "UPDATE grain_log SET payload = $payload WHERE state_name = 'meeting' AND grain_id = $grain AND seq = $seq;", meetingId, payload, seq);

    /// <summary>Runs one UPDATE of exactly one row of the store, behind the server's back.</summary>
    private static void Overwrite(string dataDirectory, string update, string meetingId, string payload, int? seq = null)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "meetingops.db"),
            Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = update;
        command.Parameters.AddWithValue("$payload", payload);
        command.Parameters.AddWithValue("$grain", $"meeting/{meetingId}");
        if (seq is { } number)
        {
            command.Parameters.AddWithValue("$seq", number);
        }
        Assert.Equal(1, command.ExecuteNonQuery());
    }
}
