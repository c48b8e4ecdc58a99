using System.Diagnostics;

namespace MeetingOps.Tests.Shared;

/// <summary>Stops a server process a test started, whatever state it is in, without ever hanging the test run.</summary>
public static class ChildProcesses
{
    /// <summary>Kills the process and its children (SIGKILL on Linux), waits for the exit (bounded), and disposes it.</summary>
    public static async Task KillAsync(Process? process)
    {
        if (process is null)
        {
            return;
        }
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // Already gone, or will be reaped by the OS: nothing more a test can do.
        }
        process.Dispose();
    }

    /// <summary>The dotnet host running this test, so a server the test starts runs on the same installation.</summary>
    public static string DotnetHost()
    {
        var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(hostPath) && File.Exists(hostPath))
        {
            return hostPath;
        }
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        var candidate = string.IsNullOrEmpty(root) ? null : Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return candidate is not null && File.Exists(candidate) ? candidate : "dotnet";
    }

    /// <summary>Sends SIGTERM: a graceful stop (a cluster host leaves the cluster and hands its grains over).</summary>
    public static void Terminate(int pid)
    {
        using var kill = Process.Start("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit(5000);
    }
}
