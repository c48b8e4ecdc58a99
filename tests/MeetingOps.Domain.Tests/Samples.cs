using MeetingOps.Domain.Definition;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Domain.Tests;

/// <summary>The repo's sample meetings, read and checked.</summary>
public static class Samples
{
    public const string Vienna2022 = RepoFiles.Vienna2022;
    public const string Vienna2021 = RepoFiles.Vienna2021;

    public static string Text(string name) => RepoFiles.Sample(name);

    public static Meeting Meeting(string name)
    {
        var result = DefinitionReader.Read(Text(name));
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Meeting!;
    }
}
