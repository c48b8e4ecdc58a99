using System.Collections.Concurrent;
using System.Text.Json;

namespace MeetingOps.LoadTests.BareHub;

/// <summary>
/// The bare hub's only state: a version counter per meeting and the payload every push carries (the changes and
/// snapshot of a real MeetingOps push, posted by the load generator), so both servers push the same bytes.
/// </summary>
public sealed class BareMeetings
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> _versions = new(StringComparer.Ordinal);

    public JsonElement Changes { get; private set; } = JsonDocument.Parse("[]").RootElement;

    public JsonElement Snapshot { get; private set; } = JsonDocument.Parse("{}").RootElement;

    public void UsePayload(JsonElement changes, JsonElement snapshot)
    {
        Changes = changes.Clone();
        Snapshot = snapshot.Clone();
    }

    public string Create()
    {
        var id = Guid.NewGuid().ToString("N");
        _versions[id] = new StrongBox<long>(1);
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
