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
}
