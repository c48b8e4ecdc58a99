using System.Diagnostics;
using MeetingOps.Grains;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeetingOps.Server.Api;

/// <summary>
/// What an operator (and the security suite) can read about the host's memory from outside: the managed heap after a
/// full, compacting collection, the process's working set, and how many meeting grains this cluster holds active. A
/// scan of random meeting ids must leave all three where they were (issue 18): a lookup of an id nobody created keeps
/// no activation. Behind the organizer key, since a forced collection costs the host a pause; the request limits of
/// every keyed route apply to it as well.
/// </summary>
public static class DiagnosticsApi
{
    public static IEndpointRouteBuilder MapDiagnosticsApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/diagnostics/memory", Memory).WithTags("Diagnostics");
        return app;
    }

    /// <summary>Bytes of the managed heap after a forced collection, the working set, and the active meeting grains.</summary>
    public sealed record MemoryReading(long ManagedBytes, long WorkingSetBytes, int MeetingActivations, int Activations);

    private static async Task<Results<Ok<MemoryReading>, ProblemHttpResult>> Memory(
        HttpRequest request, HttpResponse response, IGrainFactory grains, IOrganizerCredential organizer)
    {
        if (MeetingsApi.OrganizerRefusal(CommandHeaders.BearerKey(request), organizer, response) is { } refused)
        {
            return refused;
        }
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        var meetings = statistics.Where(s => s.GrainType.Contains("." + nameof(MeetingGrain), StringComparison.Ordinal))
            .Sum(s => s.ActivationCount);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return TypedResults.Ok(new MemoryReading(managed, process.WorkingSet64, meetings, statistics.Sum(s => s.ActivationCount)));
    }
}
