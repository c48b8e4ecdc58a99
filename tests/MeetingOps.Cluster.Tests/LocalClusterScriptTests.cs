using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using MeetingOps.Cluster.Tests.Infrastructure;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Cluster.Tests;

/// <summary>deploy/local-cluster.sh as the README, the load tests and an operator use it: start 2, status, stop.</summary>
[Trait("Category", "Slow")]
public sealed class LocalClusterScriptTests(ITestOutputHelper output)
{
    private static readonly string Script = Path.Combine(RepoFiles.Root, "deploy", "local-cluster.sh");

    [Fact]
    public async Task Start_prints_the_ready_hosts_status_tells_what_runs_and_stop_stops_it()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"meetingops-local-cluster-{Guid.NewGuid():N}");
        var environment = new Dictionary<string, string>
        {
            ["MEETINGOPS_LOCAL_CLUSTER_DIR"] = directory,
            ["MEETINGOPS_CONFIGURATION"] = ServerBuild.Configuration, // the build these tests run on: no second build
            ["MeetingOps__OrganizerKey"] = LocalCluster.OrganizerKey,
        };
        try
        {
            var (started, urls, startLog) = await RunAsync("start 2", environment, TimeSpan.FromMinutes(3));
            output.WriteLine(startLog);
            Assert.True(started == 0, $"start exited with {started}:\n{startLog}");
            var lines = urls.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            Assert.All(lines, url => Assert.StartsWith("http://127.0.0.1:", url, StringComparison.Ordinal));

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            foreach (var url in lines)
            {
                using var ready = await http.GetAsync(new Uri(new Uri(url), "/health/ready"));
                Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            }
            // One cluster: a meeting created through the first host is read through the second.
            using var create = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(lines[0]), "/api/meetings"))
            {
                Content = new StringContent(RepoFiles.Sample(RepoFiles.Vienna2022), System.Text.Encoding.UTF8, "application/json"),
            };
            create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", LocalCluster.OrganizerKey);
            using var created = await http.SendAsync(create);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
            using var read = await http.GetAsync(new Uri(new Uri(lines[1]), $"/api/meetings/{id}"));
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);

            var (running, status, _) = await RunAsync("status", environment, TimeSpan.FromSeconds(30));
            Assert.Equal(0, running);
            Assert.Contains("redis-server  127.0.0.1:", status, StringComparison.Ordinal);
            Assert.Equal(2, status.Split('\n').Count(l => l.StartsWith("host-", StringComparison.Ordinal) && l.EndsWith("ready", StringComparison.Ordinal) && !l.EndsWith("not ready", StringComparison.Ordinal)));
        }
        finally
        {
            var (stopped, _, stopLog) = await RunAsync("stop", environment, TimeSpan.FromMinutes(1));
            Assert.True(stopped == 0, $"stop exited with {stopped}: {stopLog}");
        }
        var (after, afterStatus, _) = await RunAsync("status", environment, TimeSpan.FromSeconds(30));
        Assert.Equal(1, after);
        Assert.Contains("redis-server  not running", afterStatus, StringComparison.Ordinal);
        Assert.DoesNotContain(" ready", afterStatus, StringComparison.Ordinal);
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoFiles.Root,
        };
        start.ArgumentList.Add(Script);
        foreach (var argument in arguments.Split(' '))
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"local-cluster.sh {arguments} did not finish within {timeout.TotalSeconds} s.");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
