using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Floor;
using Microsoft.AspNetCore.SignalR;

namespace MeetingOps.Server.Live;

/// <summary>
/// What the hub calls on a page following a meeting: the typed client of <see cref="MeetingHub"/>, so a push names its
/// method and message type once, checked by the compiler. The names on the wire stay those the pages and the load
/// tests listen for (<see cref="MeetingClientMethods"/>), and each push is one argument, as before.
/// </summary>
public interface IMeetingClient
{
    /// <summary>A committed change: what changed since the version before, with the new version first.</summary>
    [HubMethodName(MeetingClientMethods.Changed)]
    Task Changed(MeetingChanged change);

    /// <summary>A capped sitting nears its cap.</summary>
    [HubMethodName(MeetingClientMethods.Announced)]
    Task Announced(CapWarning warning);

    /// <summary>An item's list of speakers or floor changed.</summary>
    [HubMethodName(MeetingClientMethods.Floor)]
    Task Floor(FloorView floor);
}
