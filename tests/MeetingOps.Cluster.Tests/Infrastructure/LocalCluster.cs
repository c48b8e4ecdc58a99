using MeetingOps.Tests.Shared;

namespace MeetingOps.Cluster.Tests.Infrastructure;

/// <summary>A redis-server and N MeetingOps hosts in cluster mode, all on loopback, each test its own.</summary>
public sealed class LocalCluster : IAsyncDisposable
{
    public const string OrganizerKey = "cluster-test-organizer-key-0123456789";

    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    private LocalCluster(string directory, RedisServer redis, IReadOnlyList<ClusterHost> hosts, OutputLog log, IReadOnlyDictionary<string, string> environment)
    {
        Environment = environment;
        Directory = directory;
        Redis = redis;
        Hosts = hosts;
        Log = log;
    }

    public string Directory { get; }

    /// <summary>The settings every host of this cluster is started with (Redis, organizer key, cluster and service id).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    public RedisServer Redis { get; }

    public IReadOnlyList<ClusterHost> Hosts { get; }

    /// <summary>Everything Redis and the hosts wrote.</summary>
    public OutputLog Log { get; }

    public static async Task<LocalCluster> StartAsync(int hosts)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"meetingops-cluster-tests-{Guid.NewGuid():N}");
        var log = new OutputLog();
        var redis = await RedisServer.StartAsync(Path.Combine(directory, "redis"), log);
        var environment = new Dictionary<string, string>
        {
            ["MeetingOps__Redis"] = redis.ConnectionString,
            ["MeetingOps__OrganizerKey"] = OrganizerKey,
            ["MeetingOps__ClusterId"] = "cluster-tests",
            ["MeetingOps__ServiceId"] = "cluster-tests",
            ["MeetingOps__DataDirectory"] = Path.Combine(directory, "data"),
            ["MeetingOps__ShutdownTimeoutSeconds"] = "20",
        };
        var list = Enumerable.Range(1, hosts).Select(i => new ClusterHost($"host{i}", environment, log)).ToList();
        var cluster = new LocalCluster(directory, redis, list, log, environment);
        try
        {
            // The first one up creates the cluster; the others then join it together.
            list[0].Start();
            await list[0].WaitReadyAsync(ReadyTimeout);
            foreach (var host in list.Skip(1))
            {
                host.Start();
            }
            await Task.WhenAll(list.Skip(1).Select(h => h.WaitReadyAsync(ReadyTimeout)));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts any host a failed test left down, and waits until every host is ready.</summary>
    public async Task EnsureAllReadyAsync()
    {
        foreach (var host in Hosts.Where(h => !h.IsRunning))
        {
            host.Start();
        }
        foreach (var host in Hosts)
        {
            await host.WaitReadyAsync(ReadyTimeout);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Hosts)
        {
            await host.DisposeAsync();
        }
        await Redis.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
