using MeetingOps.Domain;
using MeetingOps.Live.Tests.Infrastructure;

namespace MeetingOps.Live.Tests;

/// <summary>The hub's Act record carries the off-day confirmation; Command (without one) is refused with the same code as REST.</summary>
[Trait("Category", "Slow")]
[Collection(LiveCollection.Name)]
public sealed class OffDayHubTests(LiveFixture fixture)
{
    private LiveServer Server => fixture.Server;

    [Theory]
    [InlineData(Protocol.Json)]
    [InlineData(Protocol.MessagePack)]
    public async Task A_sitting_of_another_day_needs_the_confirmation_through_the_hub_too(Protocol protocol)
    {
        var (id, key) = await Server.CreateMeetingAsync(); // May 2022: never today
        await using var chair = await Hub.ConnectAsync(Server, protocol);

        var refused = await chair.CommandAsync(id, key, "session", "2022-05-24-am", "start", idempotencyKey: "start-tuesday");
        var wrongConfirmation = await chair.CommandAsync(id, key, "session", "2022-05-24-am", "start", confirm: "sure");
        var confirmed = await chair.CommandAsync(id, key, "session", "2022-05-24-am", "start", idempotencyKey: "start-tuesday", confirm: "offDay");

        Assert.False(refused.Accepted);
        Assert.Equal((409, "urn:meetingops:problem:confirmation-needed", "offDay"), (refused.Problem!.Status, refused.Problem.Type, refused.Problem.Code));
        Assert.StartsWith("This sitting is planned for Tue 24 May 2022; start it now?", refused.Problem.Detail, StringComparison.Ordinal);
        // The same words as a phrase for the pages to translate, over either protocol.
        Assert.Equal(ServerPhrases.SessionOffDay.With(("session", "2022-05-24-am"), ("planned", new DateOnly(2022, 5, 24)), ("today", DateOnly.FromDateTime(DateTime.UtcNow))).Code,
            refused.Problem.Text!.Code);
        Assert.Equal(("2022-05-24-am", "2022-05-24"), (refused.Problem.Text.Args["session"], refused.Problem.Text.Args["planned"]));
        Assert.Equal(400, wrongConfirmation.Problem!.Status);
        Assert.True(confirmed.Accepted, $"the confirmed start was refused: {confirmed.Problem}");
        Assert.Equal(1, confirmed.Version);
        Assert.Equal(SessionStatus.InProgress, (await chair.FollowAsync(id)).Sessions.Single(s => s.Id == "2022-05-24-am").Status);
    }
}
