namespace MeetingOps.Grains;

/// <summary>The grain storage every MeetingOps grain writes to; the host decides what backs it (SQLite embedded, Redis in a cluster).</summary>
public static class StorageNames
{
    public const string Meetings = "meetings";
}
