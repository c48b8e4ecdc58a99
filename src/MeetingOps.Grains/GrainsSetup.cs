using MeetingOps.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetingOps.Grains;

/// <summary>What every silo hosting these grains needs, whatever stores their state.</summary>
public static class GrainsSetup
{
    /// <summary>Wakes the watched capped sittings when a silo starts: their timers did not survive the restart.</summary>
    public static ISiloBuilder AddCapWatchWakeUp(this ISiloBuilder silo) =>
        silo.AddStartupTask(static async (services, _) =>
            await services.GetRequiredService<IGrainFactory>().GetGrain<ICapWatchRegistryGrain>(GrainKeys.CapWatchRegistry).WakeAll());

    /// <summary>
    /// The cap watch of a cluster (needs a reminder service). A host that dies takes the timers of the sittings it
    /// held with it, and nothing restarts on its address to wake them; so the registry keeps a reminder while any
    /// sitting is watched, and every minute, on whichever host holds it, wakes them all (waking an awake sitting
    /// does nothing; a sitting whose cap passed meanwhile ends at once). Each host also wakes them when it starts, as
    /// on one host; there a failure is only logged, since the reminder covers it.
    /// </summary>
    public static ISiloBuilder AddDurableCapWatch(this ISiloBuilder silo)
    {
        silo.Services.Configure<CapWatchOptions>(o => o.DurableWakeUp = true);
        return silo.AddStartupTask(static async (services, _) =>
        {
            try
            {
                await services.GetRequiredService<IGrainFactory>().GetGrain<ICapWatchRegistryGrain>(GrainKeys.CapWatchRegistry).WakeAll();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GrainsSetup))
                    .LogWarning(e, "Waking the watched capped sittings at start failed; the registry's reminder wakes them within a minute");
            }
        });
    }
}

/// <summary>How the cap watch registry survives the loss of a host.</summary>
public sealed class CapWatchOptions
{
    /// <summary>Keep a reminder (durable, fired on a surviving host) that wakes the watched sittings every minute.</summary>
    public bool DurableWakeUp { get; set; }
}
