using MeetingOps.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace MeetingOps.Grains.Tests;

/// <summary>
/// The cap watch of a cluster (<see cref="GrainsSetup.AddDurableCapWatch"/>): the registry keeps one reminder while
/// any sitting is watched, so a surviving host wakes the watched sittings when the host that held them is gone.
/// Its own small test cluster, with a reminder service (the shared one has none, like the embedded host).
/// </summary>
public sealed class DurableCapWatchTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    [Fact]
    public async Task Watching_a_sitting_keeps_one_reminder_and_unwatching_the_last_removes_it()
    {
        var registry = _cluster.GrainFactory.GetGrain<ICapWatchRegistryGrain>(GrainKeys.CapWatchRegistry);
        var reminders = ((InProcessSiloHandle)_cluster.Primary!).SiloHost.Services.GetRequiredService<IReminderTable>();
        async Task<IReadOnlyList<string>> Names() => (await reminders.ReadRows(registry.GetGrainId())).Reminders.Select(r => r.ReminderName).ToList();

        Assert.Empty(await Names());

        await registry.Watch("durable-m/2022-05-23-am", watching: true);
        await registry.Watch("durable-m/2022-05-23-pm", watching: true);
        Assert.Equal([CapWatchRegistryGrain.WakeReminder], await Names());

        await registry.Watch("durable-m/2022-05-23-am", watching: false);
        Assert.Equal([CapWatchRegistryGrain.WakeReminder], await Names());
        Assert.Equal(1, await registry.WakeAll());

        await registry.Watch("durable-m/2022-05-23-pm", watching: false);
        Assert.Empty(await Names());
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddMemoryGrainStorage(StorageNames.Meetings);
            siloBuilder.UseInMemoryReminderService();
            siloBuilder.AddDurableCapWatch();
            siloBuilder.Services.AddMeetingOpsSerialization();
            siloBuilder.Services.AddKeyedSingleton(Clocks.Meeting, TimeProvider.System);
            siloBuilder.Services.AddSingleton<IMeetingPublisher>(new RecordingPublisher());
            siloBuilder.Services.AddSingleton<IOrganizerCredential>(new NoOrganizer());
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.Services.AddMeetingOpsSerialization();
    }

    private sealed class NoOrganizer : IOrganizerCredential
    {
        public bool Matches(string? presentedKey) => false;
    }
}
