using System.Diagnostics;
using MeetingOps.Cluster.Tests.Infrastructure;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Cluster.Tests;

/// <summary>
/// <c>meetingops verify --redis</c> against the grain state a real cluster-mode host wrote to a real redis-server:
/// every meeting read and replayed, and a meeting whose stored value was damaged named as DAMAGED with exit code 1.
/// </summary>
[Trait("Category", "Slow")]
public sealed class RedisVerifyTests(ITestOutputHelper output)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Verify_against_redis_replays_every_meeting_and_names_the_one_whose_stored_state_was_damaged()
    {
        await using var cluster = await LocalCluster.StartAsync(1);
        var host = cluster.Hosts[0];
        var chair = new Chair([host]);
        var kept = await chair.CreateMeetingAsync(0);
        var broken = await chair.CreateMeetingAsync(1);
        await chair.RunAsync(kept, TimeSpan.Zero, () => false, atLeast: 3, atMost: 3);
        await chair.RunAsync(broken, TimeSpan.Zero, () => false, atLeast: 3, atMost: 3);
        Assert.Empty(chair.Unexpected);
        // Stopped, so nothing writes the state again after the test damages it.
        await host.StopGracefullyAsync(TimeSpan.FromSeconds(30));

        var (healthyExit, healthy) = await VerifyAsync(cluster.Redis.ConnectionString);
        Assert.True(healthyExit == 0, healthy);
        Assert.Contains($"meeting {kept.Id}: OK, version {kept.Acknowledged[^1].Version}, 3 log entries replayed", healthy, StringComparison.Ordinal);
        Assert.Contains($"meeting {broken.Id}: OK, version {broken.Acknowledged[^1].Version}, 3 log entries replayed", healthy, StringComparison.Ordinal);
        Assert.Contains("2 meeting(s) read and replayed", healthy, StringComparison.Ordinal);

        // Half a JSON document in place of the meeting's state, as a torn write or a stray SET would leave it.
        var key = $"cluster-tests/state/meeting/{broken.Id}/meeting";
        var (setExit, set) = await RunAsync("/usr/bin/redis-cli", "-p", cluster.Redis.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "HSET", key, "data", "{\"definition\":{\"title\":");
        Assert.True(setExit == 0 && set.Trim().StartsWith('0'), $"redis-cli HSET of an existing field: {set}"); // 0: the field existed, so the layout is the one verify reads

        var (damagedExit, damaged) = await VerifyAsync(cluster.Redis.ConnectionString);
        Assert.True(damagedExit == 1, damaged);
        Assert.Contains($"meeting {broken.Id}: DAMAGED: its stored state does not read", damaged, StringComparison.Ordinal);
        Assert.Contains($"(key {key})", damaged, StringComparison.Ordinal);
        Assert.Contains($"meeting {kept.Id}: OK", damaged, StringComparison.Ordinal);
        Assert.Contains("restore Redis from the last good AOF/RDB backup", damaged, StringComparison.Ordinal);

        // Another service id on the same Redis is not this one: nothing found, said so, nothing damaged.
        var (otherExit, other) = await VerifyAsync(cluster.Redis.ConnectionString, "another-service");
        Assert.True(otherExit == 0, other);
        Assert.Contains("Nothing found under another-service/state/*", other, StringComparison.Ordinal);
    }

    private Task<(int Exit, string Output)> VerifyAsync(string redis, string serviceId = "cluster-tests")
    {
        var dll = Path.Combine(RepoFiles.Root, "src", "MeetingOps.Cli", "bin", ServerBuild.Configuration, "net10.0", "meetingops.dll");
        return RunAsync("dotnet", dll, "verify", "--redis", redis, "--service-id", serviceId);
    }

    private async Task<(int Exit, string Output)> RunAsync(string executable, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(CommandTimeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        var text = await stdout + await stderr;
        output.WriteLine($"$ {executable} {string.Join(' ', arguments)} → {process.ExitCode}\n{text}");
        return (process.ExitCode, text);
    }
}
