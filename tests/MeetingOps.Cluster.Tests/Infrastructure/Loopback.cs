using System.Net.Sockets;
using System.Reflection;

namespace MeetingOps.Cluster.Tests.Infrastructure;

/// <summary>Free loopback ports, and where the server build output is.</summary>
public static class Loopback
{
    public static int[] FreePorts(int count)
    {
        var listeners = new List<TcpListener>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }

    /// <summary>The build configuration of this assembly, so the server started is the one built with it.</summary>
    public static string Configuration { get; } =
        typeof(Loopback).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } c ? c : "Debug";

    public static string ServerProjectDirectory => Path.Combine(MeetingOps.Tests.Shared.RepoFiles.Root, "src", "MeetingOps.Server");

    public static string ServerDll => Path.Combine(ServerProjectDirectory, "bin", Configuration, "net10.0", "MeetingOps.Server.dll");

    /// <summary>The dotnet host running this test, so the servers run on the same installation.</summary>
    public static string DotnetHost()
    {
        var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(hostPath) && File.Exists(hostPath))
        {
            return hostPath;
        }
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        var candidate = string.IsNullOrEmpty(root) ? null : Path.Combine(root, "dotnet");
        return candidate is not null && File.Exists(candidate) ? candidate : "dotnet";
    }

    /// <summary>Sends SIGTERM (a graceful stop: the host leaves the cluster and hands its grains over).</summary>
    public static void Terminate(int pid)
    {
        using var kill = System.Diagnostics.Process.Start("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit(5000);
    }
}
