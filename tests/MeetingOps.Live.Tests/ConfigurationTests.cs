using System.Text.Json.Nodes;
using MeetingOps.Live.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace MeetingOps.Live.Tests;

/// <summary>The hub's settings: stateful reconnect, and MeetingOps:AllowedOrigins checked at start and on every browser connection.</summary>
[Trait("Category", "Slow")]
[Collection(LiveCollection.Name)]
public sealed class ConfigurationTests(LiveFixture fixture)
{
    [Fact]
    public async Task The_hub_offers_stateful_reconnect()
    {
        using var response = await fixture.Server.Http.PostAsync(
            new Uri($"{Hub.Path}/negotiate?negotiateVersion=1&useStatefulReconnect=true", UriKind.Relative), null);
        var negotiation = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(negotiation["useStatefulReconnect"]?.GetValue<bool>());
        Assert.Contains(negotiation["availableTransports"]!.AsArray(), t => t!["transport"]!.GetValue<string>() == "WebSockets");
    }

    [Fact]
    public async Task Configured_origins_may_connect_and_loopback_pages_then_may_not()
    {
        await using var server = await LiveServer.StartAsync(new Dictionary<string, string>
        {
            ["MeetingOps__AllowedOrigins"] = "https://meetings.example.org, https://screens.example.org:8443",
        });

        async Task<HttpStatusCode> Negotiate(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{Hub.Path}/negotiate?negotiateVersion=1");
            request.Headers.TryAddWithoutValidation("Origin", origin);
            using var response = await server.Http.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await Negotiate("https://meetings.example.org"));
        Assert.Equal(HttpStatusCode.OK, await Negotiate("https://SCREENS.example.org:8443"));
        Assert.Equal(HttpStatusCode.Forbidden, await Negotiate("https://screens.example.org"));
        Assert.Equal(HttpStatusCode.Forbidden, await Negotiate("http://localhost:3000"));
        Assert.Equal(HttpStatusCode.OK, await Negotiate($"{server.BaseAddress.Scheme}://{server.BaseAddress.Authority}")); // its own pages, always
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, Hub.Path), o => o.Headers["Origin"] = "https://meetings.example.org")
            .Build();
        await connection.StartAsync().WaitAsync(Hub.Wait);
        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    [Fact]
    public async Task A_malformed_allowed_origin_stops_the_host_with_a_message_naming_the_setting()
    {
        var (exitCode, output) = await LiveServer.RunToExitAsync(new Dictionary<string, string>
        {
            ["MeetingOps__AllowedOrigins__0"] = "https://meetings.example.org",
            ["MeetingOps__AllowedOrigins__1"] = "meetings.example.org/chair",
        }, TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("MeetingOps:AllowedOrigins: \"meetings.example.org/chair\" is not an origin", output, StringComparison.Ordinal);
    }
}
