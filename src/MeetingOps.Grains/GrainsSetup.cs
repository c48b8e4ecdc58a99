using MeetingOps.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingOps.Grains;

/// <summary>What every silo hosting these grains needs, whatever stores their state.</summary>
public static class GrainsSetup
{
    /// <summary>Wakes the watched capped sittings when a silo starts: their timers did not survive the restart.</summary>
    public static ISiloBuilder AddCapWatchWakeUp(this ISiloBuilder silo) =>
        silo.AddStartupTask(static async (services, _) =>
            await services.GetRequiredService<IGrainFactory>().GetGrain<ICapWatchRegistryGrain>(GrainKeys.CapWatchRegistry).WakeAll());
}
