using MeetingOps.Tests.Shared;

namespace MeetingOps.Domain.Tests.Records;

/// <summary>
/// Reviewed output kept in the repo (tests/MeetingOps.Domain.Tests/Records/Golden). A test compares what is written
/// now with the reviewed file; MEETINGOPS_UPDATE_GOLDEN=1 rewrites the files instead, to be reviewed again before commit.
/// </summary>
public static class Golden
{
    public static string Folder => Path.Combine(RepoFiles.Root, "tests", "MeetingOps.Domain.Tests", "Records", "Golden");

    public static void Matches(string name, string actual)
    {
        var path = Path.Combine(Folder, name);
        if (Environment.GetEnvironmentVariable("MEETINGOPS_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }
        Assert.True(File.Exists(path), $"No golden file {path}; run with MEETINGOPS_UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }
}
