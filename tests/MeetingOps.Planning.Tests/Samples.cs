using MeetingOps.Domain;
using MeetingOps.Domain.Definition;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Planning.Tests;

/// <summary>The repo's sample meetings, read and checked.</summary>
public static class Samples
{
    public static Meeting Vienna2022 { get; } = Read(RepoFiles.Vienna2022);

    public static Meeting Read(string name)
    {
        var result = DefinitionReader.Read(RepoFiles.Sample(name));
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Meeting!;
    }
}
