namespace MeetingOps.LoadTests;

/// <summary>One follower of one meeting: when it connected and followed, and when each push (by version) arrived.</summary>
public interface IFollower : IAsyncDisposable
{
    int Meeting { get; }

    /// <summary>"light" (raw WebSocket) or "hub" (the real HubConnection client).</summary>
    string Kind { get; }

    /// <summary>Connected and Follow answered without error.</summary>
    bool Held { get; }

    /// <summary>Why it failed (connect, handshake, Follow, or the connection closed during the run); null while fine.</summary>
    string? Failure { get; }

    Receipts Receipts { get; }

    Task StartAsync(CancellationToken cancellationToken);
}

/// <summary>Versions and Stopwatch timestamps of the pushes one follower received, appended by its receive loop only.</summary>
public sealed class Receipts
{
    private readonly Lock _gate = new();
    private readonly List<(long Version, long Timestamp)> _items = new(64);

    public void Add(long version, long timestamp)
    {
        lock (_gate)
        {
            _items.Add((version, timestamp));
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    public List<(long Version, long Timestamp)> Snapshot()
    {
        lock (_gate)
        {
            return [.. _items];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _items.Clear();
        }
    }
}

/// <summary>The sizes of the pushes one follower received (bytes on the wire), kept as count, sum, smallest and largest.</summary>
public sealed class PushSizes
{
    private readonly Lock _gate = new();

    public int Count { get; private set; }

    public long Sum { get; private set; }

    public int Min { get; private set; } = int.MaxValue;

    public int Max { get; private set; }

    /// <summary>The last push's size: what one push of one command costs.</summary>
    public int Last { get; private set; }

    public void Add(int bytes)
    {
        lock (_gate)
        {
            Count++;
            Sum += bytes;
            Min = Math.Min(Min, bytes);
            Max = Math.Max(Max, bytes);
            Last = bytes;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            (Count, Sum, Min, Max, Last) = (0, 0, int.MaxValue, 0, 0);
        }
    }
}
