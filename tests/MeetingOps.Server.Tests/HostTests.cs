using MeetingOps.Server.Tests.Infrastructure;

namespace MeetingOps.Server.Tests;

/// <summary>OpenAPI and health endpoints of the running server.</summary>
[Collection(SharedServerCollection.Name)]
public sealed class HostTests(SharedServer shared)
{
    private readonly MeetingOpsApi _api = shared.Api;

    [Fact]
    public async Task The_OpenAPI_document_describes_the_meetings_and_command_endpoints()
    {
        var response = await _api.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/json", response.MediaType);
        var document = response.Json;
        Assert.StartsWith("3.", (string?)document["openapi"], StringComparison.Ordinal);
        var paths = document["paths"]!.AsObject();
        Assert.Contains("/api/meetings", paths.Select(p => p.Key));
        Assert.Contains("/api/meetings/{id}", paths.Select(p => p.Key));
        Assert.Contains("/api/meetings/{id}/log", paths.Select(p => p.Key));
        Assert.Contains("/api/meetings/{id}/items/{itemId}/{action}", paths.Select(p => p.Key));
        Assert.Contains("/api/meetings/{id}/sessions/{sessionId}/{action}", paths.Select(p => p.Key));
        Assert.NotNull(paths["/api/meetings"]!["post"]);
        Assert.NotNull(paths["/api/meetings"]!["get"]);
        Assert.NotNull(paths["/api/meetings/{id}/items/{itemId}/{action}"]!["post"]);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_200_Healthy(string path)
    {
        var response = await _api.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Healthy", response.Body);
    }

    [Fact]
    public async Task An_unknown_path_is_404()
    {
        var response = await _api.GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
    }
}
