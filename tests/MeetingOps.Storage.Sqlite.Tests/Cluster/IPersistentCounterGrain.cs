namespace MeetingOps.Storage.Sqlite.Tests.Cluster;

public interface IPersistentCounterGrain : IGrainWithStringKey
{
    Task<CounterSnapshot> Add(int amount, string item);

    Task<CounterSnapshot> Get();
}

/// <summary>What the grain holds, plus the storage metadata the test checks across a restart.</summary>
[GenerateSerializer]
public sealed record CounterSnapshot(
    [property: Id(0)] int Count,
    [property: Id(1)] string[] Items,
    [property: Id(2)] string? ETag,
    [property: Id(3)] bool RecordExists);
