using System.Collections.Concurrent;
using Orleans.Storage;

namespace MeetingOps.Grains.Tests;

/// <summary>
/// Wraps the real storage and fails the next write of a chosen grain on demand: a disk full or a lost
/// connection in the middle of a command, exactly where the test wants it.
/// </summary>
public sealed class FaultInjectingStorage(IGrainStorage inner) : IGrainStorage
{
    private static readonly ConcurrentDictionary<string, int> FailuresToInject = new(StringComparer.Ordinal);

    /// <summary>Fails the next <paramref name="count"/> writes of the grain whose key is <paramref name="grainKey"/>.</summary>
    public static void FailNextWrites(string grainKey, int count = 1) => FailuresToInject[grainKey] = count;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = grainId.Key.ToString()!;
        if (FailuresToInject.TryGetValue(key, out var left) && left > 0)
        {
            FailuresToInject[key] = left - 1;
            throw new IOException($"Injected storage failure writing {stateName} of {grainId}.");
        }
        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);
}
