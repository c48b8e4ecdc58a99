using MeetingOps.Domain.Planning;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Planning.Tests;

/// <summary>docs/hybrid-2022.md is what the planner gives today: change the planner, and this says to produce the page again.</summary>
public class HybridDocTests
{
    public const string Command = "dotnet run --project src/MeetingOps.Cli -- plan samples/ctoc-wg2-wg3-2022.meeting.json --hybrid all";

    public static string DocPath => Path.Combine(RepoFiles.Root, "docs", "hybrid-2022.md");

    [Fact]
    public void The_2022_hybrid_page_in_the_docs_is_what_the_planner_gives()
    {
        var expected = HybridTable.ForAllHybrid(Samples.Vienna2022, producedBy: Command);

        Assert.True(File.Exists(DocPath), $"{DocPath} is missing; produce it with: {Command} > docs/hybrid-2022.md");
        Assert.Equal(expected, File.ReadAllText(DocPath));
    }

    [Fact]
    public void The_page_compares_the_three_strategies_session_by_session()
    {
        var page = HybridTable.ForAllHybrid(Samples.Vienna2022, producedBy: Command);

        Assert.Contains("| compress | 1,620 | 1,080 | 1,080 | 0 | none |", page, StringComparison.Ordinal);
        Assert.Contains("| reflow | 1,620 | 1,080 | 720 | 900 |", page, StringComparison.Ordinal);
        Assert.Contains("| fit (factor 0.667) | 1,620 | 1,080 | 1,020 | 60 | WG.3 5 = WG.2 7: 60 min |", page, StringComparison.Ordinal);
        Assert.Contains("| 2022-05-23-pm<br>Mon 23 May 15:00–17:00 | WG.3 | 120 | WG.3 2: 180 min *(continued)* | WG.3 2: 120 min *(continued)* | WG.3 2: 120 min | WG.3 2: 120 min *(continued)* |", page, StringComparison.Ordinal);
    }
}
