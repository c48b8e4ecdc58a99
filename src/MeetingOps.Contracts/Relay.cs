using MeetingOps.Domain;

namespace MeetingOps.Contracts;

/// <summary>
/// One host's followers, as the other hosts reach them: the host that holds a meeting's grain sends each push once to
/// every other host's relay, which hands it to its own connections (the SignalR groups are per host). This replaces the
/// SignalR Redis backplane, where every push went to Redis and back to every host.
/// </summary>
[Alias("MeetingOps.IFollowersRelay")]
public interface IFollowersRelay : IGrainObserver
{
    /// <summary>Hands the message to this host's followers of its meeting; returns once queued there, in order per meeting.</summary>
    [Alias("Deliver")]
    Task Deliver(RelayedPush push);

    /// <summary>The hosts with followers changed (one joined): the relays to send to from now on.</summary>
    [Alias("HostsChanged")]
    Task HostsChanged(IReadOnlyList<FollowerHost> hosts);
}

/// <summary>
/// The hosts that serve followers, each with its relay (key "hosts"). Not stored: every host registers again every few
/// seconds, so after this grain moves (its silo died) the list is whole again within one heartbeat, and a host that
/// stops registering drops out.
/// </summary>
[Alias("MeetingOps.IFollowerHostsGrain")]
public interface IFollowerHostsGrain : IGrainWithStringKey
{
    /// <summary>Registers (or renews) a host's relay; answers the hosts known now, this one included.</summary>
    [Alias("Register")]
    Task<IReadOnlyList<FollowerHost>> Register(string hostId, IFollowersRelay relay);

    /// <summary>A host shutting down leaves at once rather than when its registration runs out.</summary>
    [Alias("Leave")]
    Task Leave(string hostId);
}

/// <summary>A host that serves followers and its relay.</summary>
[GenerateSerializer, Immutable, Alias("MeetingOps.FollowerHost")]
public sealed record FollowerHost([property: Id(0)] string HostId, [property: Id(1)] IFollowersRelay Relay);

/// <summary>
/// What a relay hands to its followers: one of a meeting's change (<see cref="Changed"/>), a cap warning
/// (<see cref="Announcement"/>) or an item's floor (<see cref="Floor"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("MeetingOps.RelayedPush")]
public sealed record RelayedPush(
    [property: Id(0)] string MeetingId,
    [property: Id(1)] MeetingChanged? Changed = null,
    [property: Id(2)] CapAnnouncement? Announcement = null,
    [property: Id(3)] Domain.Floor.FloorView? Floor = null);
