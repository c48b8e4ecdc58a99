using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace MeetingOps.LoadTests.BareHub;

/// <summary>The "changed" push, in MeetingOps' shape: {version, meetingId, since, changes} (what changed, not the snapshot).</summary>
public sealed record BareChanged(long Version, string MeetingId, long Since, JsonElement Changes);

/// <summary>Follow joins the meeting's group and returns the snapshot, as MeetingOps' hub does; nothing else.</summary>
public sealed class BareHub(BareMeetings meetings) : Hub
{
    public const string Path = "/hubs/meetings";

    public static string GroupOf(string meetingId) => $"meeting:{meetingId}";

    public async Task<JsonElement> Follow(string meetingId)
    {
        if (!meetings.Exists(meetingId))
        {
            throw new HubException($"There is no meeting \"{meetingId}\".");
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(meetingId), Context.ConnectionAborted);
        return meetings.Snapshot;
    }
}
