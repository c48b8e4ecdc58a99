using System.Collections.Concurrent;
using Orleans.Storage;

namespace MeetingOps.Grains.Tests;

/// <summary>
/// Wraps the real storage and fails the next write of a chosen grain on demand: a disk full or a lost
/// connection in the middle of a command, exactly where the test wants it; or a write that lands but is
/// reported as failed (a timeout after the store took it), which leaves the grain's memory behind storage.
/// </summary>
public sealed class FaultInjectingStorage(IGrainStorage inner) : IGrainStorage
{
    private static readonly ConcurrentDictionary<string, int> FailuresToInject = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, bool> LandedFailures = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, int> Writes = new(StringComparer.Ordinal);

    /// <summary>How many writes the grain whose key is <paramref name="grainKey"/> has asked storage for so far.</summary>
    public static int WritesOf(string grainKey) => Writes.GetValueOrDefault(grainKey);

    /// <summary>Fails the next <paramref name="count"/> writes of the grain whose key is <paramref name="grainKey"/>.</summary>
    public static void FailNextWrites(string grainKey, int count = 1) => FailuresToInject[grainKey] = count;

    /// <summary>The next write of the grain whose key is <paramref name="grainKey"/> is stored, then reported as failed.</summary>
    public static void LandNextWriteButFail(string grainKey) => LandedFailures[grainKey] = true;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = grainId.Key.ToString()!;
        Writes.AddOrUpdate(key, 1, static (_, n) => n + 1);
        if (FailuresToInject.TryGetValue(key, out var left) && left > 0)
        {
            FailuresToInject[key] = left - 1;
            throw new IOException($"Injected storage failure writing {stateName} of {grainId}.");
        }
        if (LandedFailures.TryRemove(key, out _))
        {
            return LandThenFail(stateName, grainId, grainState);
        }
        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    private async Task LandThenFail<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var etag = grainState.ETag;
        await inner.WriteStateAsync(stateName, grainId, grainState);
        grainState.ETag = etag; // the caller never heard back, so it never learnt the new ETag
        throw new TimeoutException($"Injected: the write of {stateName} of {grainId} was stored but its answer was lost.");
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);
}
