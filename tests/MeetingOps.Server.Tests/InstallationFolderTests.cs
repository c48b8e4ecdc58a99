using MeetingOps.Server.Tests.Infrastructure;
using System.Net;

namespace MeetingOps.Server.Tests;

/// <summary>
/// A server started from a folder that is not its own (a service manager's working directory, an operator's home)
/// serves its pages and reads its own settings; it answered 503 "page missing" for every page before.
/// </summary>
[Trait("Category", "Slow")]
public sealed class InstallationFolderTests
{
    [Fact]
    public async Task A_server_started_from_another_folder_in_Production_serves_its_pages_and_reads_its_settings()
    {
        var elsewhere = Directory.CreateTempSubdirectory("meetingops-elsewhere-");
        try
        {
            await using var server = ServerProcess.Launch(
                extraEnvironment: new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" },
                workingDirectory: elsewhere.FullName);
            await server.WaitReadyAsync();

            foreach (var path in new[] { "/", "/js/home.js", "/css/meetingops.css", "/lib/signalr.min.js" })
            {
                using var response = await server.Client.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}");
            }
            var home = await server.Client.GetStringAsync("/");
            Assert.Contains("<html", home, StringComparison.OrdinalIgnoreCase);
            // appsettings.json keeps Orleans' start-up chatter at Warning; without it every silo option is logged at Information.
            Assert.DoesNotContain("info: Orleans", server.Output, StringComparison.Ordinal);
        }
        finally
        {
            elsewhere.Delete(recursive: true);
        }
    }
}
