using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace MeetingOps.Server.Limits;

/// <summary>What a refusal was for: the metric's tag and the words of the 429.</summary>
public enum LimitKind
{
    Commands,
    Key,
    Reads,
    Concurrency,
    KeyFailures,
    Connections,
    HubCalls,
    ConnectionCalls,
    FloorKey,
}

/// <summary>
/// The limiters every door shares (REST middleware and the hub filter), partitioned by client address or by key.
/// Idle partitions are dropped by the limiters themselves, so a scan from many addresses costs no lasting memory.
/// Refusals are counted (<c>meetingops.limits.refused</c>) and logged at Information at most once a minute per
/// address and kind, and at most <see cref="MaxLogLinesPerMinute"/> lines a minute in all: no flood can fill the disk.
/// </summary>
public sealed class ClientLimits : IDisposable
{
    public const string MeterName = "MeetingOps.Limits";
    public const int MaxLogLinesPerMinute = 30;

    private readonly PartitionedRateLimiter<string> _commands;
    private readonly PartitionedRateLimiter<string> _keys;
    private readonly PartitionedRateLimiter<string> _reads;
    private readonly PartitionedRateLimiter<string> _concurrency;
    private readonly PartitionedRateLimiter<string> _keyFailures;
    private readonly PartitionedRateLimiter<string> _connections;
    private readonly PartitionedRateLimiter<string> _hubCalls;
    private readonly PartitionedRateLimiter<string> _floorKeys;
    private readonly ILogger<ClientLimits> _logger;
    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _refused;
    private readonly ConcurrentDictionary<(LimitKind, string), long> _lastLogged = new();
    private readonly TokenBucketRateLimiter _logLines = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = MaxLogLinesPerMinute, TokensPerPeriod = MaxLogLinesPerMinute, ReplenishmentPeriod = TimeSpan.FromMinutes(1), QueueLimit = 0,
    });

    public ClientLimits(IOptions<RateLimitOptions> options, ILogger<ClientLimits> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Value;
        _logger = logger;
        var o = Options;
        _commands = Bucket(o.CommandBurst, o.CommandsPerSecond, TimeSpan.FromSeconds(1));
        _keys = Bucket(o.KeyBurst, o.KeyPerSecond, TimeSpan.FromSeconds(1));
        _reads = Bucket(o.ReadBurst, o.ReadsPerSecond, TimeSpan.FromSeconds(1));
        _keyFailures = Bucket(o.KeyFailureBurst, o.KeyFailuresPerMinute, TimeSpan.FromMinutes(1));
        _connections = Bucket(o.ConnectionBurst, o.ConnectionsPerSecond, TimeSpan.FromSeconds(1));
        _hubCalls = Bucket(o.HubCallBurst, o.HubCallsPerSecond, TimeSpan.FromSeconds(1));
        _floorKeys = Bucket(o.FloorKeyBurst, o.FloorKeyPerSecond, TimeSpan.FromSeconds(1));
        _concurrency = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetConcurrencyLimiter(address, _ =>
            new ConcurrencyLimiterOptions { PermitLimit = o.ConcurrentRequests, QueueLimit = o.ConcurrentQueue, QueueProcessingOrder = QueueProcessingOrder.OldestFirst }));
        _refused = _meter.CreateCounter<long>("meetingops.limits.refused", description: "Requests and hub calls refused by a rate limit, by limit.");
    }

    public RateLimitOptions Options { get; }

    /// <summary>A token bucket per partition, refilled in small steps (not a whole period's worth at once), never queueing.</summary>
    private static PartitionedRateLimiter<string> Bucket(int burst, int perPeriod, TimeSpan period)
    {
        // Steps of a tenth of the period's tokens, or one token when there are fewer than ten.
        var step = Math.Max(1, perPeriod / 10);
        var every = period * step / perPeriod;
        return PartitionedRateLimiter.Create<string, string>(partition => RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = step,
            ReplenishmentPeriod = every,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>The address a client is counted by (IPv6 by its /64: one household or host usually has a whole one).</summary>
    public static string AddressOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }
        return address.ToString();
    }

    /// <summary>A key is never kept as given: its hash names the partition.</summary>
    public static string KeyPartition(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 12);

    public RateLimitLease Command(string address) => _commands.AttemptAcquire(address);

    public RateLimitLease Key(string key) => _keys.AttemptAcquire(KeyPartition(key));

    public RateLimitLease Read(string address) => _reads.AttemptAcquire(address);

    /// <summary>
    /// One floor command with this key, by the key's hash alone: whether the key is valid is not asked, so a key that
    /// never was one gets its own bucket like any other and nothing more (wrong keys are also counted per address).
    /// </summary>
    public RateLimitLease FloorKey(string key) => _floorKeys.AttemptAcquire(KeyPartition(key));

    public ValueTask<RateLimitLease> EnterAsync(string address, CancellationToken cancellationToken) => _concurrency.AcquireAsync(address, 1, cancellationToken);

    public RateLimitLease Connection(string address) => _connections.AttemptAcquire(address);

    public RateLimitLease HubCall(string address) => _hubCalls.AttemptAcquire(address);

    /// <summary>True while the address has used up its failed key attempts: its keyed requests are refused before any work.</summary>
    public bool KeyFailuresExhausted(string address) => _keyFailures.GetStatistics(address)?.CurrentAvailablePermits <= 0;

    /// <summary>Counts one failed key attempt; false (and logged once per window) when that was one too many.</summary>
    public bool KeyFailed(string address)
    {
        using var lease = _keyFailures.AttemptAcquire(address);
        if (!lease.IsAcquired)
        {
            Refused(LimitKind.KeyFailures, address);
        }
        return lease.IsAcquired;
    }

    /// <summary>Counts a refusal and logs it, at most once a minute per address and kind.</summary>
    public void Refused(LimitKind kind, string address)
    {
        _refused.Add(1, new KeyValuePair<string, object?>("limit", kind.ToString()));
        var now = Environment.TickCount64;
        var key = (kind, address);
        var last = _lastLogged.GetOrAdd(key, long.MinValue);
        if (last != long.MinValue && now - last < 60_000)
        {
            return;
        }
        if (_lastLogged.Count > 10_000)
        {
            // Many addresses at once: forget the window rather than grow; the global line budget still holds.
            _lastLogged.Clear();
        }
        _lastLogged[key] = now;
        using var line = _logLines.AttemptAcquire();
        if (line.IsAcquired)
        {
            _logger.LogInformation("Rate limit {Limit} reached by {Address}; further refusals for it are counted in the meetingops.limits.refused metric, not logged, for a minute.", kind, address);
        }
    }

    public static TimeSpan RetryAfter(RateLimitLease lease, LimitKind kind)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero
            ? after
            : kind == LimitKind.KeyFailures ? TimeSpan.FromSeconds(10) : TimeSpan.FromSeconds(1);
    }

    public void Dispose()
    {
        _commands.Dispose();
        _keys.Dispose();
        _reads.Dispose();
        _concurrency.Dispose();
        _keyFailures.Dispose();
        _connections.Dispose();
        _hubCalls.Dispose();
        _floorKeys.Dispose();
        _logLines.Dispose();
        _meter.Dispose();
    }
}
