using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MeetingOps.Deploy.Tests.Rendering;
using MeetingOps.Deploy.Tests.Validation;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Deploy.Tests;

/// <summary>
/// deploy/Dockerfile checked without docker: its essentials, the files it copies, the build context's .dockerignore,
/// and the container health check script run for real against a loopback listener.
/// </summary>
public sealed class DockerfileTests
{
    private static string Dockerfile => File.ReadAllText(Manifests.Deploy("Dockerfile"));

    [Fact]
    public void The_dockerfile_has_every_essential()
    {
        Assert.Empty(DockerfileLint.Problems(Dockerfile));
    }

    [Fact]
    public void A_single_stage_dockerfile_is_caught()
    {
        var problems = DockerfileLint.Problems("FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet publish -o /app\nENTRYPOINT [\"dotnet\", \"/app/MeetingOps.Server.dll\"]\n");

        Assert.Contains(problems, p => p.StartsWith("not multi-stage", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("USER $APP_UID", "USER root", "runs as root")]
    [InlineData("USER $APP_UID", "", "sets no USER")]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime", "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS runtime", "not on the ASP.NET Core 10 runtime image")]
    [InlineData("EXPOSE 8080 11111 30000", "EXPOSE 8080", "port 11111 is not exposed")]
    [InlineData("nodejs npm", "nodejs", "does not install npm")]
    [InlineData("COPY --from=build", "COPY --from=elsewhere", "copies nothing from the build stage")]
    public void A_dockerfile_missing_an_essential_is_caught(string original, string replacement, string expectedProblem)
    {
        Assert.Contains(original, Dockerfile, StringComparison.Ordinal);

        var problems = DockerfileLint.Problems(Dockerfile.Replace(original, replacement, StringComparison.Ordinal));

        Assert.Contains(problems, p => p.Contains(expectedProblem, StringComparison.Ordinal));
    }

    [Fact]
    public void Continued_lines_and_comments_are_read_as_docker_reads_them()
    {
        var instructions = DockerfileLint.Parse("# c\nFROM a AS b\nRUN one \\\n  # inside\n  two\nFROM c\nUSER 1000\n");

        Assert.Equal(["FROM", "RUN", "FROM", "USER"], instructions.Select(i => i.Keyword));
        Assert.Equal("one    two", instructions[1].Arguments);
        Assert.Equal([0, 0, 1, 1], instructions.Select(i => i.Stage));
    }

    [Fact]
    public void Every_file_the_dockerfile_copies_exists_and_is_in_the_build_context()
    {
        var ignored = File.ReadAllLines(Path.Combine(RepoFiles.Root, ".dockerignore"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var copies = DockerfileLint.Parse(Dockerfile)
            .Where(i => i.Keyword == "COPY" && !i.Arguments.Contains("--from=", StringComparison.Ordinal))
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).SkipLast(1))
            .ToList();

        Assert.Contains("src/", copies);
        foreach (var source in copies)
        {
            var path = Path.Combine(RepoFiles.Root, source);
            Assert.True(File.Exists(path) || Directory.Exists(path), $"COPY {source}: not in the repository");
            Assert.DoesNotContain(source.TrimEnd('/'), ignored.Select(l => l.TrimEnd('/')));
        }
        // What must never be sent to the daemon: build output, installed npm packages, local data, git history.
        foreach (var pattern in new[] { "**/bin/", "**/obj/", "**/node_modules/", "**/data/", ".git/", "deploy/.env" })
        {
            Assert.Contains(pattern, ignored);
        }
    }

    [Fact]
    public async Task The_health_check_script_passes_on_200_and_fails_on_503_or_no_answer()
    {
        Assert.Equal(0, await RunHealthCheckAgainst("HTTP/1.1 200 OK"));
        Assert.Equal(1, await RunHealthCheckAgainst("HTTP/1.1 503 Service Unavailable"));

        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var unusedPort = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        Assert.Equal(1, await RunScript(unusedPort));
    }

    private static async Task<int> RunHealthCheckAgainst(string statusLine)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var answer = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            using var stream = client.GetStream();
            var request = new byte[1024];
            var read = await stream.ReadAsync(request);
            Assert.StartsWith("GET /health/ready HTTP/1.0", Encoding.ASCII.GetString(request, 0, read), StringComparison.Ordinal);
            await stream.WriteAsync(Encoding.ASCII.GetBytes(statusLine + "\r\nContent-Length: 0\r\n\r\n"));
        });
        var exit = await RunScript(((IPEndPoint)listener.LocalEndpoint).Port);
        await answer.WaitAsync(TimeSpan.FromSeconds(10));
        return exit;
    }

    private static async Task<int> RunScript(int port)
    {
        var start = new ProcessStartInfo("bash", [Manifests.Deploy("healthcheck.sh"), "/health/ready"]) { RedirectStandardError = true };
        start.Environment["HEALTHCHECK_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Process? process = null;
        try
        {
            process = Process.Start(start)!;
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20)); // the script reads for at most 5 s
            return process.ExitCode;
        }
        finally
        {
            await ChildProcesses.KillAsync(process);
        }
    }
}
