using System.Net;
using MeetingOps.Grains;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Runtime.Hosting;
using StackExchange.Redis;

namespace MeetingOps.Server.Hosting;

/// <summary>
/// Cluster mode (MeetingOps:Redis set): N identical hosts on one Redis, which keeps the membership table, the grain
/// state (storage "meetings", as JSON), the reminders, and carries the SignalR backplane.
/// </summary>
public static class ClusterSetup
{
    /// <summary>
    /// Membership timing, so a dead host is noticed in seconds rather than the default minute or so: every silo probes
    /// the others every <see cref="ProbeTimeout"/>; after <see cref="MissedProbes"/> unanswered probes in a row it
    /// suspects the silo and votes; two votes (or one silo left to vote) declare it dead, and its grains are
    /// re-activated on the survivors at their next call. A host killed hard and started again on the same address
    /// is declared dead at once by its successor. Worst case: about ProbeTimeout × MissedProbes + one table refresh.
    /// </summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    public const int MissedProbes = 2;

    /// <summary>How often a silo re-reads the membership table even when nothing told it to.</summary>
    public static readonly TimeSpan TableRefresh = TimeSpan.FromSeconds(10);

    /// <summary>How long a grain call may wait for its answer before Orleans gives up on it (default 30 s).</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(10);

    public static void UseMeetingOpsCluster(this ISiloBuilder silo, MeetingOpsOptions options)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        var redis = Redis(options);
        var advertised = IPAddress.Parse(options.AdvertisedAddress);
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        // On loopback (a local cluster, the tests) listen there only; elsewhere (a pod) on every interface.
        silo.ConfigureEndpoints(advertised, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(advertised));
        if (Environment.GetEnvironmentVariable("POD_NAME") is { Length: > 0 } podName)
        {
            silo.Configure<SiloOptions>(o => o.SiloName = podName);
        }
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = ProbeTimeout;
            o.NumMissedProbesLimit = MissedProbes;
            o.TableRefreshTimeout = TableRefresh;
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(30);
        });
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout);
        silo.UseRedisClustering(o =>
        {
            o.ConfigurationOptions = redis;
            o.CreateMultiplexer = async c => (await RedisConnections.ConnectAsync(c.ConfigurationOptions!), false);
        });
        // MeetingOps' own Redis storage rather than Orleans': a meeting's write appends its new history record instead of
        // rewriting the whole state (RedisGrainStateStorage, docs/storage.md).
        silo.Services.AddGrainStorage(StorageNames.Meetings, (_, name) => new RedisGrainStateStorage(name, options.ServiceId, redis));
        silo.UseRedisReminderService(o =>
        {
            o.ConfigurationOptions = redis;
            o.CreateMultiplexer = async c => (await RedisConnections.ConnectAsync(c.ConfigurationOptions!), false);
        });
        silo.AddDurableCapWatch();
        silo.AddDashboard();
    }

    /// <summary>The web-only role: an Orleans client of the cluster, finding its gateways in the Redis membership table.</summary>
    public static void UseMeetingOpsClusterClient(this IClientBuilder client, MeetingOpsOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        var redis = Redis(options);
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout);
        client.UseRedisClustering(o =>
        {
            o.ConfigurationOptions = redis;
            o.CreateMultiplexer = async c => (await RedisConnections.ConnectAsync(c.ConfigurationOptions!), false);
        });
        // Keep trying to reach a gateway while the cluster starts, instead of failing the host.
        client.UseConnectionRetryFilter(async (_, cancellationToken) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            return !cancellationToken.IsCancellationRequested;
        });
    }

    public static ConfigurationOptions Redis(MeetingOpsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return RedisConnections.TryRead(options.Redis!, out var why)
            ?? throw new InvalidOperationException($"MeetingOps:Redis is not a Redis connection string: {why}");
    }

    /// <summary>The SignalR channel prefix: hosts of one service share pushes, another service on the same Redis does not.</summary>
    public static RedisChannel ChannelPrefix(MeetingOpsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return RedisChannel.Literal($"meetingops:{options.ServiceId}:");
    }
}
