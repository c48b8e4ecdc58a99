using MeetingOps.Server.Tests.Infrastructure;

namespace MeetingOps.Server.Tests;

/// <summary>Bad MeetingOps options stop the server at start with a message naming the setting.</summary>
[Trait("Category", "Slow")]
public sealed class OptionsValidationTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_short_organizer_key_stops_the_server_with_a_message_naming_MeetingOps_OrganizerKey()
    {
        await using var server = ServerProcess.Launch(organizerKey: "short");

        var exitCode = await server.WaitForExitAsync(ExitTimeout);

        Assert.True(exitCode != 0, $"exit code {exitCode}{Environment.NewLine}{server.Describe()}");
        Assert.Contains("MeetingOps:OrganizerKey", server.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(server.DataDirectory, "meetingops.db")), "the store was opened anyway");
    }

    [Theory]
    [InlineData("MeetingOps__SiloPort", "0", "MeetingOps:SiloPort")]
    [InlineData("MeetingOps__GatewayPort", "70000", "MeetingOps:GatewayPort")]
    public async Task A_bad_port_stops_the_server_with_a_message_naming_the_setting(string variable, string value, string setting)
    {
        await using var server = ServerProcess.Launch(extraEnvironment: new Dictionary<string, string> { [variable] = value });

        var exitCode = await server.WaitForExitAsync(ExitTimeout);

        Assert.True(exitCode != 0, $"exit code {exitCode}{Environment.NewLine}{server.Describe()}");
        Assert.Contains(setting, server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_port_for_silo_and_gateway_stops_the_server()
    {
        await using var server = ServerProcess.Launch(extraEnvironment: new Dictionary<string, string>
        {
            ["MeetingOps__SiloPort"] = "41234",
            ["MeetingOps__GatewayPort"] = "41234",
        });

        var exitCode = await server.WaitForExitAsync(ExitTimeout);

        Assert.True(exitCode != 0, $"exit code {exitCode}{Environment.NewLine}{server.Describe()}");
        Assert.Contains("MeetingOps:SiloPort and MeetingOps:GatewayPort must differ", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_directory_that_cannot_be_a_directory_stops_the_server_with_a_message_naming_MeetingOps_DataDirectory()
    {
        var file = Path.GetTempFileName(); // a file: nothing can be created beneath it
        try
        {
            await using var server = ServerProcess.Launch(extraEnvironment: new Dictionary<string, string>
            {
                ["MeetingOps__DataDirectory"] = Path.Combine(file, "data"),
            });

            var exitCode = await server.WaitForExitAsync(ExitTimeout);

            Assert.True(exitCode != 0, $"exit code {exitCode}{Environment.NewLine}{server.Describe()}");
            Assert.Contains("MeetingOps:DataDirectory", server.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
