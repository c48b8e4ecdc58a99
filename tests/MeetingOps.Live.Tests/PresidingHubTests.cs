using MeetingOps.Contracts;
using MeetingOps.Live.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace MeetingOps.Live.Tests;

/// <summary>Who presides, named with a command through the hub, is who the report says opened the meeting.</summary>
[Trait("Category", "Slow")]
[Collection(LiveCollection.Name)]
public sealed class PresidingHubTests(LiveFixture fixture)
{
    private LiveServer Server => fixture.Server;

    [Fact]
    public async Task The_report_says_the_meeting_was_opened_by_the_chair_named_with_the_hub_command()
    {
        var (id, key) = await Server.CreateMeetingAsync();
        await using var console = await Hub.ConnectAsync(Server);

        var started = await console.InvokeAsync<CommandReply>("Command",
            new ChairCommand(id, "session", "2022-05-23-am", "start", key, Guid.NewGuid().ToString("N"), ActorName: "Ms. Ana Lind", Confirm: "offDay"));
        var opened = await console.InvokeAsync<CommandReply>("Command",
            new ChairCommand(id, "item", "opening", "open", key, Guid.NewGuid().ToString("N"), ActorName: "Mr. Jon Ortiz"));

        Assert.True(started.Accepted, $"the start was refused: {started.Problem}");
        Assert.True(opened.Accepted, $"the take-up was refused: {opened.Problem}");
        var report = await Server.Http.GetStringAsync(new Uri($"/api/meetings/{id}/report", UriKind.Relative));
        Assert.Contains("The meeting was opened on ", report, StringComparison.Ordinal); // today: the start was confirmed on another day
        Assert.Contains(", by the Chair, Ms. Ana Lind.", report, StringComparison.Ordinal);
        var log = await Server.LogAsync(id);
        Assert.Equal(["Ms. Ana Lind", "Mr. Jon Ortiz"], log.Select(e => (string?)e!["actor"]!["name"]));
    }
}
