using System.Reflection;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Server.Tests.Infrastructure;

/// <summary>Where things are in the repository: found by walking up from the test binaries to MeetingOps.sln.</summary>
public static class RepoPaths
{
    /// <summary>The folder holding MeetingOps.sln.</summary>
    public static string RepoRoot => RepoFiles.Root;

    /// <summary>The build configuration of this test assembly (Debug, Release…), so the server started is the one built with it.</summary>
    public static string Configuration { get; } = FindConfiguration();

    public static string ServerProjectDirectory => Path.Combine(RepoRoot, "src", "MeetingOps.Server");

    public static string ServerDll => Path.Combine(ServerProjectDirectory, "bin", Configuration, "net10.0", "MeetingOps.Server.dll");

    public static string SamplesDirectory => RepoFiles.SamplesFolder;

    public static string Sample(string fileName)
    {
        var path = Path.Combine(SamplesDirectory, fileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The sample meeting definition {path} does not exist.", path);
        }
        return path;
    }

    private static string FindConfiguration()
    {
        // The SDK stamps $(Configuration) into the assembly; the bin path (bin/<Configuration>/net10.0/) says the same.
        var stamped = typeof(RepoPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration;
        if (!string.IsNullOrWhiteSpace(stamped))
        {
            return stamped;
        }
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return framework.Parent?.Name ?? "Debug";
    }
}
