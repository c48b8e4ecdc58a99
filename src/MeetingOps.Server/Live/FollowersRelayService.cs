using MeetingOps.Contracts;
using MeetingOps.Grains;

namespace MeetingOps.Server.Live;

/// <summary>
/// In cluster mode, keeps this host's relay (<see cref="FollowerPushes"/>) registered with the hosts grain every
/// <see cref="FollowerHostsGrain.Heartbeat"/>, and learns the other hosts from each answer, so the host holding a
/// meeting's grain knows where its followers may be. Registration failures (the cluster starting, the hosts grain
/// moving after a silo died) are retried at the next beat, a second later while not yet registered; the hosts known
/// before stay in use meanwhile. On shutdown the host leaves the list at once.
/// </summary>
public sealed partial class FollowersRelayService(FollowerPushes pushes, IGrainFactory grains, ILogger<FollowersRelayService> logger) : BackgroundService
{
    private IFollowersRelay? _self;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        pushes.HostId = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        await Task.Yield(); // off the host's start: the silo may not be up yet
        var hosts = grains.GetGrain<IFollowerHostsGrain>(FollowerHostsGrain.Key);
        var registered = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                _self ??= grains.CreateObjectReference<IFollowersRelay>(pushes);
                var asked = DateTimeOffset.UtcNow;
                var known = await hosts.Register(pushes.HostId, _self).WaitAsync(TimeSpan.FromSeconds(10), stoppingToken);
                pushes.Registered(known, asked);
                registered = true;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogRegisterFailed(e, pushes.HostId);
                registered = false;
            }
            try
            {
                await Task.Delay(registered ? FollowerHostsGrain.Heartbeat : TimeSpan.FromSeconds(1), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (pushes.HostId is { } id)
        {
            try
            {
                await grains.GetGrain<IFollowerHostsGrain>(FollowerHostsGrain.Key).Leave(id).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogLeaveFailed(e, id); // it drops out when its registration runs out
            }
        }
        if (_self is not null)
        {
            grains.DeleteObjectReference<IFollowersRelay>(_self);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Host {HostId}: registering for relayed pushes failed; retrying")]
    private partial void LogRegisterFailed(Exception exception, string hostId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Host {HostId}: leaving the relay list failed; it drops out when its registration runs out")]
    private partial void LogLeaveFailed(Exception exception, string hostId);
}
