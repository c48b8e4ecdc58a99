namespace MeetingOps.Storage.Sqlite;

/// <summary>
/// The store will not open: its file is damaged, lost, or cannot be made durable. Raised at start so the server
/// refuses to run instead of running "Healthy" on an empty or broken store. The message names the file, what was
/// wrong and what to do; nothing in the data directory has been changed by the check.
/// </summary>
public sealed class SqliteStoreRefusedException : InvalidOperationException
{
    public const string WhatToDo =
        "Stop here and restore the last backup: meetingops restore <backup file> <data directory> " +
        "(README, \"Backups and recovery\"); meetingops verify <data directory> tells what is damaged.";

    public SqliteStoreRefusedException(string databasePath, string whatIsWrong, Exception? innerException = null)
        : base($"The MeetingOps store '{databasePath}' cannot be used: {whatIsWrong} {WhatToDo}", innerException)
    {
        DatabasePath = databasePath;
    }

    /// <summary>The full path of the database file that was refused.</summary>
    public string DatabasePath { get; }
}
