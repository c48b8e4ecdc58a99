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

    public string DataDirectoryFullPath => Path.GetFullPath(DataDirectory);
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
        else if (!CanWrite(options.DataDirectoryFullPath, out var why))
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
        if (options.SiloPort == options.GatewayPort)
        {
            failures.Add("MeetingOps:SiloPort and MeetingOps:GatewayPort must differ.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
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
