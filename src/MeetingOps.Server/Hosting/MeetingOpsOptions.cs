using System.Net;
using Microsoft.Extensions.Options;

namespace MeetingOps.Server.Hosting;

/// <summary>The "MeetingOps" configuration section (environment: MeetingOps__DataDirectory and so on).</summary>
public sealed class MeetingOpsOptions
{
    public const string Section = "MeetingOps";
    public const int MinOrganizerKeyLength = 16;

    /// <summary>Where the embedded store keeps its database and the generated organizer key. Relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The secretariat's key for creating meetings. When unset, one is generated at first start and kept in the data directory.</summary>
    public string? OrganizerKey { get; set; }

    /// <summary>Orleans silo-to-silo port on loopback (embedded default).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Orleans client gateway port on loopback (embedded default).</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// A StackExchange.Redis connection string (<c>redis:6379</c>, <c>127.0.0.1:6390,password=…</c>). Unset: the embedded
    /// default (one process, localhost clustering, SQLite). Set: cluster mode, Redis for membership, grain state,
    /// reminders and the SignalR backplane.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary><see cref="MeetingOpsRoles.Host"/> (silo and web, the default) or <see cref="MeetingOpsRoles.Web"/> (web only, an Orleans client of the cluster).</summary>
    public string Role { get; set; } = MeetingOpsRoles.Host;

    /// <summary>The Orleans cluster id: hosts with the same one (and the same Redis) form one cluster.</summary>
    public string ClusterId { get; set; } = "meetingops";

    /// <summary>The Orleans service id: names the stored grain state and reminders; keep it across deployments.</summary>
    public string ServiceId { get; set; } = "meetingops";

    /// <summary>The IP address this silo tells the others to reach it on (in Kubernetes the pod's IP). Cluster mode only.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>How long a stopping host may take to hand its grains over and leave the cluster.</summary>
    public int ShutdownTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Where participants reach this service (https://meetings.example.org): links written into calendars use it.
    /// Unset, links use the request's own scheme and Host header, which only <c>AllowedHosts</c> keeps honest.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// A ceiling for the embedded database, in megabytes; unset: none (the disk is the limit). Writes beyond it are refused
    /// as on a full disk (commands answer 503, /health/ready is unhealthy) while reads go on.
    /// </summary>
    public int? DatabaseMaxMegabytes { get; set; }

    public string DataDirectoryFullPath => Path.GetFullPath(DataDirectory);

    public bool IsCluster => !string.IsNullOrWhiteSpace(Redis);

    public bool IsWebOnly => string.Equals(Role, MeetingOpsRoles.Web, StringComparison.OrdinalIgnoreCase);
}

/// <summary>What a host does in the cluster.</summary>
public static class MeetingOpsRoles
{
    /// <summary>An Orleans silo with the web tier (API, hub, pages) in the same process.</summary>
    public const string Host = "Host";

    /// <summary>The web tier only, joined to the cluster as an Orleans client.</summary>
    public const string Web = "Web";
}

/// <summary>Checks the options once at start, so a mistake stops the host with a clear message instead of failing later.</summary>
public sealed class MeetingOpsOptionsValidator : IValidateOptions<MeetingOpsOptions>
{
    public ValidateOptionsResult Validate(string? name, MeetingOpsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("MeetingOps:DataDirectory must not be empty.");
        }
        else if (!options.IsCluster && !CanWrite(options.DataDirectoryFullPath, out var why))
        {
            failures.Add($"MeetingOps:DataDirectory \"{options.DataDirectoryFullPath}\" is not a writable directory: {why}");
        }
        if (options.OrganizerKey is { } key && (key.Trim().Length < MeetingOpsOptions.MinOrganizerKeyLength || key.Any(char.IsWhiteSpace)))
        {
            failures.Add($"MeetingOps:OrganizerKey must be at least {MeetingOpsOptions.MinOrganizerKeyLength} characters without spaces (or unset, to generate one).");
        }
        foreach (var (port, setting) in new[] { (options.SiloPort, "SiloPort"), (options.GatewayPort, "GatewayPort") })
        {
            if (port is < 1 or > 65535)
            {
                failures.Add($"MeetingOps:{setting} must be a TCP port (1–65535), found {port}.");
            }
        }
        if (options.DatabaseMaxMegabytes is < 1 or > 1_000_000)
        {
            failures.Add($"MeetingOps:DatabaseMaxMegabytes must be 1–1000000 (or unset), found {options.DatabaseMaxMegabytes}.");
        }
        if (options.SiloPort == options.GatewayPort)
        {
            failures.Add("MeetingOps:SiloPort and MeetingOps:GatewayPort must differ.");
        }
        if (options.PublicBaseUrl is { } publicUrl && (!Uri.TryCreate(publicUrl, UriKind.Absolute, out var parsed)
            || parsed.Scheme is not ("http" or "https") || parsed.Query.Length > 0 || parsed.Fragment.Length > 0))
        {
            failures.Add($"MeetingOps:PublicBaseUrl must be an absolute http(s) address without query, found \"{publicUrl}\".");
        }
        failures.AddRange(ClusterFailures(options));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The cluster settings: only checked beyond their shape when MeetingOps:Redis is set.</summary>
    private static IEnumerable<string> ClusterFailures(MeetingOpsOptions options)
    {
        if (!string.Equals(options.Role, MeetingOpsRoles.Host, StringComparison.OrdinalIgnoreCase) && !options.IsWebOnly)
        {
            yield return $"MeetingOps:Role must be {MeetingOpsRoles.Host} or {MeetingOpsRoles.Web}, found \"{options.Role}\".";
        }
        if (options.ShutdownTimeoutSeconds is < 1 or > 600)
        {
            yield return $"MeetingOps:ShutdownTimeoutSeconds must be 1–600, found {options.ShutdownTimeoutSeconds}.";
        }
        if (!options.IsCluster)
        {
            if (options.IsWebOnly)
            {
                yield return "MeetingOps:Role=Web joins a cluster as a client: set MeetingOps:Redis too.";
            }
            yield break;
        }
        if (string.IsNullOrWhiteSpace(options.OrganizerKey))
        {
            yield return "MeetingOps:OrganizerKey must be set in cluster mode (MeetingOps:Redis is set): every host must share one key, so none may generate its own.";
        }
        foreach (var (value, setting) in new[] { (options.ClusterId, "ClusterId"), (options.ServiceId, "ServiceId") })
        {
            if (string.IsNullOrWhiteSpace(value) || value.Length > 100 || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                yield return $"MeetingOps:{setting} must be 1–100 characters without spaces.";
            }
        }
        if (!IPAddress.TryParse(options.AdvertisedAddress, out _))
        {
            yield return $"MeetingOps:AdvertisedAddress must be an IP address (the pod IP in Kubernetes), found \"{options.AdvertisedAddress}\".";
        }
        var redis = RedisConnections.TryRead(options.Redis!, out var why);
        if (redis is null)
        {
            yield return $"MeetingOps:Redis is not a Redis connection string: {why}";
        }
    }

    private static bool CanWrite(string directory, out string why)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".write-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            why = "";
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            why = e.Message;
            return false;
        }
    }
}
