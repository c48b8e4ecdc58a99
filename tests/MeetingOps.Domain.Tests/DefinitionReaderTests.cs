using System.Text;
using System.Text.Json.Nodes;
using MeetingOps.Domain.Definition;

namespace MeetingOps.Domain.Tests;

public class DefinitionReaderTests
{
    private static DefinitionResult ReadMutated(Action<JsonObject> mutate)
    {
        var json = JsonNode.Parse(Samples.Text(Samples.Vienna2022))!.AsObject();
        mutate(json);
        return DefinitionReader.Read(json.ToJsonString());
    }

    private static DefinitionProblem Single(DefinitionResult result)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Meeting);
        return Assert.Single(result.Problems);
    }

    [Fact]
    public void Empty_input_says_so() =>
        Assert.Equal(new DefinitionProblem("$", "The body is empty; expected a meeting definition as a JSON object.", ServerPhrases.DefEmptyBody.With()),
            Single(DefinitionReader.Read("")));

    [Fact]
    public void Broken_json_gives_the_line_and_byte()
    {
        var problem = Single(DefinitionReader.Read("{\n  \"title\": \"x\",\n  oops\n}"));

        Assert.Contains("line 3", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_input_is_refused_without_throwing()
    {
        var problem = Single(DefinitionReader.Read(new byte[] { 0xFF, 0xFE, 0x00, 0x01, 0xC3 }));

        Assert.Equal("$", problem.Path);
    }

    [Fact]
    public void Input_over_the_cap_is_refused()
    {
        var problem = Single(DefinitionReader.Read(new byte[DefinitionReader.MaxBytes + 1]));

        Assert.StartsWith("The definition is 1,048,577 bytes", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_refused()
    {
        var deep = new StringBuilder().Append('[', 200).Append(']', 200).ToString();

        Assert.False(DefinitionReader.Read("{\"title\":" + deep + "}").IsValid);
    }

    [Fact]
    public void An_unknown_property_is_named() =>
        Assert.Equal("$.colour", Single(ReadMutated(j => j["colour"] = "blue")).Path);

    [Fact]
    public void A_missing_required_property_is_named() =>
        Assert.Contains("venue", Single(ReadMutated(j => j.Remove("venue"))).Message, StringComparison.Ordinal);

    [Fact]
    public void A_wrong_type_is_named_with_its_path() =>
        Assert.Equal("$.sessions[0].capMinutes", Single(ReadMutated(j => j["sessions"]![0]!["capMinutes"] = "two hours")).Path);

    [Fact]
    public void An_unknown_time_zone_is_refused() =>
        Assert.Equal("$.timeZone", Single(ReadMutated(j => j["timeZone"] = "Europe/Atlantis")).Path);

    [Fact]
    public void An_unknown_body_in_an_items_numbers_is_refused()
    {
        var problem = Single(ReadMutated(j => j["items"]![1]!["numbers"]!["wg9"] = "2"));

        Assert.Equal("$.items[1].numbers.wg9", problem.Path);
        Assert.Equal("Unknown body \"wg9\"; the bodies are \"wg3\", \"wg2\".", problem.Message);
    }

    [Fact]
    public void A_number_used_twice_on_one_agenda_is_refused()
    {
        var problem = Single(ReadMutated(j => j["items"]![1]!["numbers"]!["wg3"] = "3"));

        Assert.Equal("$.items[2].numbers.wg3", problem.Path);
        Assert.StartsWith("Number \"3\" is already item \"transfer-of-sentenced-persons\"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_item_in_a_session_is_refused() =>
        Assert.Equal(new DefinitionProblem("$.sessions[0].items[0].item", "Unknown item \"nothing\".", ServerPhrases.DefUnknownItem.With(("id", "nothing"))),
            Single(ReadMutated(j => j["sessions"]![0]!["items"]![0]!["item"] = "nothing")));

    [Fact]
    public void A_joint_item_planned_where_only_one_body_sits_is_refused()
    {
        // Monday afternoon: only the Working Group on International Cooperation sits.
        var problem = Single(ReadMutated(j => j["sessions"]![1]!["items"]!.AsArray().Add(new JsonObject { ["item"] = "application-of-the-organized-crime-convention" })));

        Assert.Equal("$.sessions[1].items[1].item", problem.Path);
        Assert.Contains("joint item of wg3 and wg2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_session_ending_before_it_starts_is_refused() =>
        Assert.Equal("$.sessions[0].end", Single(ReadMutated(j => j["sessions"]![0]!["end"] = "2022-05-23T09:00")).Path);

    [Fact]
    public void A_session_outside_the_meetings_dates_is_refused()
    {
        var result = ReadMutated(j =>
        {
            j["sessions"]![0]!["start"] = "2022-06-01T10:00";
            j["sessions"]![0]!["end"] = "2022-06-01T13:00";
        });

        Assert.Equal(["$.sessions[0].start", "$.sessions[0].end"], result.Problems.Select(p => p.Path));
        Assert.All(result.Problems, p => Assert.StartsWith("2022-06-01 is outside the meeting's dates (2022-05-23 to 2022-05-27)", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_local_time_the_clocks_skip_is_refused()
    {
        // Vienna's clocks went from 02:00 to 03:00 on 27 March 2022.
        var problem = Single(ReadMutated(j =>
        {
            j["startDate"] = "2022-03-27";
            j["sessions"]![0]!["start"] = "2022-03-27T02:30";
            j["sessions"]![0]!["end"] = "2022-03-27T04:00";
        }));

        Assert.Equal(new DefinitionProblem("$.sessions[0].start", "2022-03-27T02:30 does not exist in Europe/Vienna (the clocks skip it).",
            ServerPhrases.DefTimeSkipped.With(("localStart", "2022-03-27T02:30"), ("zone", "Europe/Vienna"))), problem);
    }

    [Fact]
    public void Overlapping_sessions_of_one_body_are_refused() =>
        Assert.Contains("overlaps session \"2022-05-23-am\"", Single(ReadMutated(j => j["sessions"]![1]!["start"] = "2022-05-23T12:00")).Message, StringComparison.Ordinal);

    [Fact]
    public void All_problems_are_reported_at_once()
    {
        var result = ReadMutated(j =>
        {
            j["title"] = " ";
            j["bodies"]![0]!["id"] = "WG 3!";
            j["sessions"]![2]!["capMinutes"] = 0;
        });

        Assert.Contains(result.Problems, p => p.Path == "$.title");
        Assert.Contains(result.Problems, p => p.Path == "$.bodies[0].id");
        Assert.Contains(result.Problems, p => p.Path == "$.sessions[2].capMinutes");
    }

    [Fact]
    public void A_hybrid_session_without_a_cap_gets_the_two_hour_cap()
    {
        var result = ReadMutated(j => j["sessions"]![0]!["format"] = "hybrid");

        Assert.Equal(120, result.Meeting!.Sessions[0].CapMinutes);
        Assert.Null(result.Meeting.Sessions[1].CapMinutes);
    }
}
