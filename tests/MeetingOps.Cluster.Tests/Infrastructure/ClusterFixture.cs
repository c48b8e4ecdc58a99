using MeetingOps.Tests.Shared;

namespace MeetingOps.Cluster.Tests.Infrastructure;

/// <summary>
/// One 3-host cluster for the failure tests, started once (starting three hosts takes the better part of a minute on
/// two cores). Each test leaves every host running again, and begins by making sure of it.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const int Hosts = 3;

    private LocalCluster? _cluster;

    public LocalCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public async Task InitializeAsync() => _cluster = await LocalCluster.StartAsync(Hosts);

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            // Every host's output of the whole run, for reading a failure afterwards (git-ignored).
            _cluster.Log.WriteTo(Path.Combine(RepoFiles.Root, "artifacts", "cluster-figures", "cluster-run.log"));
            await _cluster.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
