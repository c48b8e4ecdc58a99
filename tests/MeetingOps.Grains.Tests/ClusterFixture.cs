using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime.Hosting;
using Orleans.TestingHost;

namespace MeetingOps.Grains.Tests;

/// <summary>
/// One in-process Orleans test cluster shared by the grain tests: real SQLite storage in a temp file behind a
/// fault injector, a fake clock the tests advance, and a fixed organizer key. Tests use unique meeting ids.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string OrganizerKey = "organizer-key-for-grain-tests";

    /// <summary>The silo's clock. The silo runs in this process, so the tests and the grains share it.</summary>
    public static FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2022, 5, 23, 7, 55, 0, TimeSpan.Zero));

    private static readonly string DataDirectory = Path.Combine(Path.GetTempPath(), "meetingops-grain-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>What the grains published, as a follower would have seen it.</summary>
    public static RecordingPublisher Published { get; } = new();

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>
    /// The session grain's record once it has heard of meeting version <paramref name="version"/> or later. The meeting
    /// tells it one-way after answering, so a test that reads it (or moves the clock past its cap) right after a command
    /// waits here; after 5 s it answers what the grain has, and the test's assertion says what was missing.
    /// </summary>
    public async Task<SessionRecord> SessionAt(string meetingId, string sessionId, long version)
    {
        var session = Grains.GetGrain<ISessionGrain>(GrainKeys.Child(meetingId, sessionId));
        for (var attempt = 0; ; attempt++)
        {
            var record = await session.GetState();
            if (record.Version >= version || attempt == 500)
            {
                return record;
            }
            await Task.Delay(10);
        }
    }

    /// <summary>Stops the silo and starts a new one on the same storage, as a host restart would.</summary>
    public async Task RestartSilo()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.StartAdditionalSiloAsync();
        await Cluster.InitializeClientAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finalizing connection: the temp folder is cleaned by the OS later.
        }
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.Services.AddGrainStorage(StorageNames.Meetings, static (_, name) => new FaultInjectingStorage(
                new SqliteGrainStorage(name, new SqliteGrainStorageOptions
                {
                    DatabasePath = Path.Combine(DataDirectory, "grains.db"),
                    SerializerOptions = MeetingOpsJson.Options,
                })));
            siloBuilder.Services.AddMeetingOpsSerialization();
            siloBuilder.AddCapWatchWakeUp();
            siloBuilder.Services.AddKeyedSingleton<TimeProvider>(Clocks.Meeting, Clock);
            siloBuilder.Services.AddSingleton<IMeetingPublisher>(Published);
            siloBuilder.Services.AddSingleton<IOrganizerCredential>(new FixedOrganizer());
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.Services.AddMeetingOpsSerialization();
    }

    private sealed class FixedOrganizer : IOrganizerCredential
    {
        public bool Matches(string? presentedKey) => Keys.Equal(presentedKey, OrganizerKey);
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Orleans test cluster";
}
