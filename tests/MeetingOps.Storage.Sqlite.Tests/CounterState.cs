namespace MeetingOps.Storage.Sqlite.Tests;

/// <summary>A small state type with a scalar, a nullable and a collection, to show the whole shape round-trips.</summary>
public sealed class CounterState
{
    public int Count { get; set; }

    public string? Label { get; set; }

    public List<string> Items { get; set; } = [];
}
