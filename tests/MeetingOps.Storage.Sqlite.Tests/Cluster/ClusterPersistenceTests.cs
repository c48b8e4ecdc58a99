using Orleans.TestingHost;

namespace MeetingOps.Storage.Sqlite.Tests.Cluster;

public sealed class ClusterPersistenceTests
{
    [Fact]
    public async Task Grain_state_written_in_one_cluster_is_read_back_by_a_new_cluster_on_the_same_file()
    {
        using var db = new TempDatabase();

        CounterSnapshot written;
        await using (var first = await StartClusterAsync(db.Path))
        {
            var grain = first.GrainFactory.GetGrain<IPersistentCounterGrain>("room-1");
            var fresh = await grain.Get();
            Assert.Equal(0, fresh.Count);
            Assert.Empty(fresh.Items);
            Assert.Null(fresh.ETag);
            Assert.False(fresh.RecordExists);
            await grain.Add(2, "a");
            written = await grain.Add(3, "b");
            await first.StopAllSilosAsync();
        }

        Assert.Equal(5, written.Count);
        Assert.True(written.RecordExists);
        Assert.NotNull(written.ETag);

        await using var second = await StartClusterAsync(db.Path);
        var reactivated = await second.GrainFactory.GetGrain<IPersistentCounterGrain>("room-1").Get();

        Assert.Equal(5, reactivated.Count);
        Assert.Equal(["a", "b"], reactivated.Items);
        Assert.Equal(written.ETag, reactivated.ETag);
        Assert.True(reactivated.RecordExists);
        Assert.Equal(1L, db.Scalar("SELECT COUNT(*) FROM grain_state WHERE state_name = 'state';"));
        await second.StopAllSilosAsync();
    }

    private static async Task<TestCluster> StartClusterAsync(string databasePath)
    {
        var builder = new TestClusterBuilder(initialSilosCount: 1);
        builder.Properties[SqliteStorageSiloConfigurator.DatabasePathKey] = databasePath;
        builder.AddSiloBuilderConfigurator<SqliteStorageSiloConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
