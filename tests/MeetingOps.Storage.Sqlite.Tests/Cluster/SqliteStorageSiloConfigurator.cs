using Orleans.TestingHost;

namespace MeetingOps.Storage.Sqlite.Tests.Cluster;

/// <summary>
/// Makes the SQLite storage the silo's default. The test cluster creates configurators by type, so the
/// database path comes in through the cluster's configuration properties.
/// </summary>
public sealed class SqliteStorageSiloConfigurator : ISiloConfigurator
{
    public const string DatabasePathKey = "SqliteStorageTests:DatabasePath";

    public void Configure(ISiloBuilder siloBuilder)
    {
        var path = siloBuilder.Configuration[DatabasePathKey]
            ?? throw new InvalidOperationException($"The test cluster did not pass {DatabasePathKey}.");
        siloBuilder.AddSqliteGrainStorageAsDefault(options => options.DatabasePath = path);
    }
}
