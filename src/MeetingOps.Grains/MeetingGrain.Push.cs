using MeetingOps.Domain;

namespace MeetingOps.Grains;

/// <summary>
/// What a change pushes to followers: the difference between the snapshot followers last got (pushed, or answered to a
/// follow) and the new one, computed by <see cref="MeetingChanges"/>, not the whole snapshot. Kept here, off the command
/// path's files: the command path only hands over the new snapshot.
/// </summary>
public sealed partial class MeetingGrain
{
    /// <summary>The snapshot the last push led to (or the first one read): what the next push's changes start from.</summary>
    private MeetingView? _pushed;

    /// <summary>The push for a committed change. Just after activation, with no snapshot to start from, it carries the whole snapshot.</summary>
    private MeetingChanged PushOf(IReadOnlyList<LogEntry> changes, MeetingView snapshot)
    {
        var push = MeetingChanges.Push(Id, _pushed, snapshot, changes);
        _pushed = snapshot;
        return push;
    }

    /// <summary>A snapshot read by a follower is one the next push may start from.</summary>
    private MeetingView Seen(MeetingView snapshot)
    {
        _pushed ??= snapshot;
        return snapshot;
    }
}
