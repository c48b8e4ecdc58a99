using System.Reflection;

namespace MeetingOps.Cluster.Tests.Infrastructure;

/// <summary>Where the server build the tests start is.</summary>
public static class ServerBuild
{
    /// <summary>The build configuration of this assembly, so the server started is the one built with it.</summary>
    public static string Configuration { get; } =
        typeof(ServerBuild).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } c ? c : "Debug";

    public static string ServerProjectDirectory => Path.Combine(MeetingOps.Tests.Shared.RepoFiles.Root, "src", "MeetingOps.Server");

    public static string ServerDll => Path.Combine(ServerProjectDirectory, "bin", Configuration, "net10.0", "MeetingOps.Server.dll");
}
