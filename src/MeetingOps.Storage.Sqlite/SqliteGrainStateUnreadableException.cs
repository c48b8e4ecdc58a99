using Orleans.Runtime;

namespace MeetingOps.Storage.Sqlite;

/// <summary>
/// A stored row exists but its JSON no longer reads as the grain's state type (corrupted, or written by
/// an incompatible version of the type). Raised instead of a bare JsonException so that the operator
/// learns which row in which file to repair. The row itself is never touched by the failed read.
/// </summary>
public sealed class SqliteGrainStateUnreadableException : OrleansException
{
    public SqliteGrainStateUnreadableException(string stateName, string grainId, string databasePath, Type stateType, Exception innerException)
        : base(
            $"Stored state '{stateName}' of grain '{grainId}' in SQLite database '{databasePath}' cannot be read as {stateType.FullName}: "
            + $"{innerException.Message} The row has been left unchanged; repair or delete it before this grain can use its state.",
            innerException)
    {
        StateName = stateName;
        GrainId = grainId;
        DatabasePath = databasePath;
    }

    /// <summary>The state name (the key's first part) of the unreadable row.</summary>
    public string StateName { get; }

    /// <summary>The grain id (the key's second part) of the unreadable row, as stored.</summary>
    public string GrainId { get; }

    /// <summary>The full path of the database file holding the row.</summary>
    public string DatabasePath { get; }
}
