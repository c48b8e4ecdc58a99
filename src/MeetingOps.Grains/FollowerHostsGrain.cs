using MeetingOps.Contracts;

namespace MeetingOps.Grains;

/// <summary>
/// The hosts that serve followers, and their relays (see <see cref="IFollowersRelay"/>). Held in memory only: hosts
/// renew every <see cref="Heartbeat"/>, so the list rebuilds itself within one heartbeat wherever this grain lands, and a
/// host that stops renewing for <see cref="Expiry"/> is dropped. A host seen for the first time is announced to the
/// others at once, so a follower on a new host hears pushes from its first change, not a heartbeat later.
/// </summary>
public sealed class FollowerHostsGrain : Grain, IFollowerHostsGrain
{
    public const string Key = "hosts";

    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(20);

    private readonly Dictionary<string, (IFollowersRelay Relay, DateTimeOffset Seen)> _hosts = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<FollowerHost>> Register(string hostId, IFollowersRelay relay)
    {
        ArgumentException.ThrowIfNullOrEmpty(hostId);
        ArgumentNullException.ThrowIfNull(relay);
        var now = TimeProvider.System.GetUtcNow();
        foreach (var gone in _hosts.Where(h => now - h.Value.Seen > Expiry).Select(h => h.Key).ToList())
        {
            _hosts.Remove(gone);
        }
        var isNew = !_hosts.TryGetValue(hostId, out var known) || !known.Relay.Equals(relay);
        _hosts[hostId] = (relay, now);
        IReadOnlyList<FollowerHost> hosts = _hosts.Select(h => new FollowerHost(h.Key, h.Value.Relay)).ToList();
        if (isNew)
        {
            foreach (var other in hosts.Where(h => h.HostId != hostId))
            {
                // Not awaited: a host that does not answer must not hold up the one registering.
                _ = other.Relay.HostsChanged(hosts).ContinueWith(static t => _ = t.Exception,
                    CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }
        }
        return Task.FromResult(hosts);
    }

    public Task Leave(string hostId)
    {
        _hosts.Remove(hostId);
        return Task.CompletedTask;
    }
}
