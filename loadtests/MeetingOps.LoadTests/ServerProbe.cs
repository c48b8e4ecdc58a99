using System.Globalization;
using System.Text.Json;

namespace MeetingOps.LoadTests;

/// <summary>
/// Reads a server process's CPU time (utime + stime from /proc/&lt;pid&gt;/stat) and resident memory (VmRSS from
/// /proc/&lt;pid&gt;/status), and works out its GC mode from its environment and runtimeconfig.json.
/// </summary>
public static class ServerProbe
{
    /// <summary>Clock ticks per second of /proc/&lt;pid&gt;/stat (USER_HZ), 100 on Linux x64.</summary>
    private const double TicksPerSecond = 100;

    public static TimeSpan CpuTime(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the command name (which is in parentheses and may contain spaces): state is field 3, utime 14, stime 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    public static long ResidentKb(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }
        throw new InvalidOperationException($"/proc/{pid}/status has no VmRSS.");
    }

    /// <summary>
    /// "server" or "workstation" (plus "non-concurrent" and heap settings when set): DOTNET_gcServer and friends in
    /// the process's environment win over System.GC.* in the runtimeconfig.json next to the dll it runs.
    /// </summary>
    public static string GcMode(int pid)
    {
        var environment = ReadEnvironment(pid);
        bool? server = null;
        bool? concurrent = null;
        var dll = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0').FirstOrDefault(a => a.EndsWith(".dll", StringComparison.Ordinal));
        if (dll is not null)
        {
            var cwd = new DirectoryInfo($"/proc/{pid}/cwd").ResolveLinkTarget(true)?.FullName ?? "";
            var config = Path.ChangeExtension(Path.IsPathRooted(dll) ? dll : Path.Combine(cwd, dll), ".runtimeconfig.json");
            if (File.Exists(config))
            {
                using var json = JsonDocument.Parse(File.ReadAllText(config));
                if (json.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var properties))
                {
                    if (properties.TryGetProperty("System.GC.Server", out var s))
                    {
                        server = s.GetBoolean();
                    }
                    if (properties.TryGetProperty("System.GC.Concurrent", out var c))
                    {
                        concurrent = c.GetBoolean();
                    }
                }
            }
        }
        if (environment.TryGetValue("DOTNET_gcServer", out var gcServer))
        {
            server = gcServer == "1";
        }
        if (environment.TryGetValue("DOTNET_gcConcurrent", out var gcConcurrent))
        {
            concurrent = gcConcurrent == "1";
        }
        var mode = server == true ? "server" : "workstation";
        if (concurrent == false)
        {
            mode += " non-concurrent";
        }
        foreach (var setting in new[] { "DOTNET_GCHeapCount", "DOTNET_GCHeapAffinitizeMask", "DOTNET_GCNoAffinitize", "DOTNET_GCDynamicAdaptationMode", "DOTNET_GCConserveMemory" })
        {
            if (environment.TryGetValue(setting, out var value))
            {
                mode += $" {setting["DOTNET_".Length..]}={value}";
            }
        }
        return mode;
    }

    private static Dictionary<string, string> ReadEnvironment(int pid)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var entry in File.ReadAllText($"/proc/{pid}/environ").Split('\0'))
            {
                var eq = entry.IndexOf('=');
                if (eq > 0)
                {
                    environment[entry[..eq]] = entry[(eq + 1)..];
                }
            }
        }
        catch (UnauthorizedAccessException)
        {
            // Not our process: the runtimeconfig alone decides.
        }
        return environment;
    }
}
