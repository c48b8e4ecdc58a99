using MeetingOps.Cluster.Tests.Infrastructure;

namespace MeetingOps.Cluster.Tests;

/// <summary>Cluster settings that cannot work stop the host at start with a message naming the setting.</summary>
[Trait("Category", "Slow")]
public sealed class ClusterSettingsTests
{
    [Theory]
    [InlineData("MeetingOps__Role=Web", "MeetingOps:Role=Web joins a cluster as a client: set MeetingOps:Redis too.")]
    [InlineData("MeetingOps__Role=Gateway", "MeetingOps:Role must be Host or Web")]
    [InlineData("MeetingOps__Redis=127.0.0.1:6399", "MeetingOps:OrganizerKey must be set in cluster mode")]
    [InlineData("MeetingOps__Redis=127.0.0.1:6399;MeetingOps__OrganizerKey=cluster-test-organizer-key-0123456789;MeetingOps__AdvertisedAddress=pod-a", "MeetingOps:AdvertisedAddress must be an IP address")]
    [InlineData("MeetingOps__Redis=,,,;MeetingOps__OrganizerKey=cluster-test-organizer-key-0123456789", "MeetingOps:Redis is not a Redis connection string")]
    [InlineData("MeetingOps__ShutdownTimeoutSeconds=0", "MeetingOps:ShutdownTimeoutSeconds must be 1–600")]
    public async Task A_setting_that_cannot_work_stops_the_host_with_a_message_naming_it(string settings, string message)
    {
        var environment = settings.Split(';').Select(s => s.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        environment.TryAdd("MeetingOps__DataDirectory", Path.Combine(Path.GetTempPath(), $"meetingops-settings-{Guid.NewGuid():N}"));
        var log = new OutputLog();
        await using var host = new ClusterHost("settings", environment, log);
        host.Start();

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode != 0, $"exit code {exitCode}\n{log.Tail()}");
        Assert.Contains(message, log.Text, StringComparison.Ordinal);
    }
}
