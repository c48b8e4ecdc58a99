using MeetingOps.Domain.Planning;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Planning.Tests;

/// <summary>
/// docs/hybrid-2022.md carries, between its markers, what the planner gives today: change the planner, and this says to
/// produce the tables again. The prose around them (why each choice, what the secretariat did) is written by hand.
/// </summary>
public class HybridDocTests
{
    public const string Command = "dotnet run --project src/MeetingOps.Cli -- plan samples/ctoc-wg2-wg3-2022.meeting.json --hybrid all";

    public static string DocPath => Path.Combine(RepoFiles.Root, "docs", "hybrid-2022.md");

    public const string Begin = "<!-- tables: produced by the planner, do not edit by hand -->";
    public const string End = "<!-- end of tables -->";

    /// <summary>The generated part of the page, between its markers.</summary>
    public static string Tables(string page)
    {
        var from = page.IndexOf(Begin, StringComparison.Ordinal);
        var to = page.IndexOf(End, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, $"docs/hybrid-2022.md needs the markers {Begin} and {End} around the tables");
        return page[(from + Begin.Length)..to].Trim('\n');
    }

    [Fact]
    public void The_2022_hybrid_page_in_the_docs_is_what_the_planner_gives()
    {
        var expected = HybridTable.ForAllHybrid(Samples.Vienna2022, producedBy: Command);

        Assert.True(File.Exists(DocPath), $"{DocPath} is missing");
        Assert.Equal(expected.Trim('\n'), Tables(File.ReadAllText(DocPath)));
    }

    [Fact]
    public void The_page_compares_the_three_strategies_session_by_session()
    {
        var page = HybridTable.ForAllHybrid(Samples.Vienna2022, producedBy: Command);

        Assert.Contains("| compress | 1,620 | 1,080 | 1,080 | 0 | none |", page, StringComparison.Ordinal);
        Assert.Contains("| reflow | 1,620 | 1,080 | 1,080 | 540 |", page, StringComparison.Ordinal);
        Assert.Contains("| fit (factor 0.667) | 1,620 | 1,080 | 1,080 | 0 | none |", page, StringComparison.Ordinal);
        Assert.Contains("| 2022-05-24-am<br>Tue 24 May 10:00–12:00 | WG.3, WG.2 | 120 | WG.3 3 = WG.2 2: 180 min | WG.3 3 = WG.2 2: 120 min | WG.3 3 = WG.2 2: 120 min | WG.3 3 = WG.2 2: 120 min |", page, StringComparison.Ordinal);
    }
}
