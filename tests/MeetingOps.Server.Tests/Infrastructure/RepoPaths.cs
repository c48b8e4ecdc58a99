using MeetingOps.Tests.Shared;

namespace MeetingOps.Server.Tests.Infrastructure;

/// <summary>Where things are in the repository: found by walking up from the test binaries to MeetingOps.sln.</summary>
public static class RepoPaths
{
    /// <summary>The folder holding MeetingOps.sln.</summary>
    public static string RepoRoot => RepoFiles.Root;

    /// <summary>The build configuration of this test assembly (Debug, Release…), so the server started is the one built with it.</summary>
    public static string Configuration => ServerBuild.Configuration;

    public static string ServerProjectDirectory => ServerBuild.ServerProjectDirectory;

    public static string ServerDll => ServerBuild.ServerDll;

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
}
