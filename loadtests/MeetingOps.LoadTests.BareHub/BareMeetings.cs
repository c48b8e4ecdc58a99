using System.Collections.Concurrent;
using System.Text.Json;

namespace MeetingOps.LoadTests.BareHub;

/// <summary>
/// The bare hub's only state: a version counter per meeting and the payload every push carries (the changes of a real
/// MeetingOps push and of the one before it, and the snapshot a follow answered, posted by the load generator), so both
/// servers push the same bytes: meeting ids as long as MeetingOps' (12 characters), versions counted alike from 1, and
/// the two kinds of change alternating as the chair's take-up and continue do.
/// </summary>
public sealed class BareMeetings
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> _versions = new(StringComparer.Ordinal);

    public JsonElement Changes { get; private set; } = JsonDocument.Parse("[]").RootElement;

    public JsonElement ChangesBefore { get; private set; } = JsonDocument.Parse("[]").RootElement;

    public JsonElement Snapshot { get; private set; } = JsonDocument.Parse("{}").RootElement;

    /// <summary>The version the kept push had: versions of the same parity carry its changes (the chair's moves alternate).</summary>
    private long _changesVersion;

    public void UsePayload(JsonElement changes, long changesVersion, JsonElement changesBefore, JsonElement snapshot)
    {
        _changesVersion = changesVersion;
        Changes = changes.Clone();
        ChangesBefore = changesBefore.Clone();
        Snapshot = snapshot.Clone();
    }

    /// <summary>The changes version <paramref name="version"/> pushes: the kept push's, or the one before it, in turn.</summary>
    public JsonElement ChangesAt(long version) => version % 2 == _changesVersion % 2 ? Changes : ChangesBefore;

    public string Create()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        _versions[id] = new StrongBox<long>(0); // a new MeetingOps meeting is at version 0 too
        return id;
    }

    public bool Exists(string id) => _versions.ContainsKey(id);

    /// <summary>The meeting's next version, or null for an unknown meeting.</summary>
    public long? Next(string id) => _versions.TryGetValue(id, out var box) ? Interlocked.Increment(ref box.Value) : null;

    public long Version(string id) => _versions.TryGetValue(id, out var box) ? Interlocked.Read(ref box.Value) : 0;

    /// <summary>A mutable box for Interlocked.</summary>
    public sealed class StrongBox<T>(T value)
    {
        public T Value = value;
    }
}
