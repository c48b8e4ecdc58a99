using System.Text;
using System.Text.Json.Nodes;
using MeetingOps.Domain.Amendments;
using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Planning;
using MeetingOps.Domain.Schedule;

namespace MeetingOps.Domain.Tests;

/// <summary>
/// The secretariat's refusals and the definition's problems as phrase codes: each problem the validator, the language
/// check and the readers report carries a phrase the registry knows, with exactly its arguments and the values the
/// page needs (ids, dates, numbers); the schedule's and the amendments' refusals name the sitting or item.
/// </summary>
public class DefinitionTextTests
{
    private static readonly MeetingDefinition Vienna = DefinitionReader.Parse(Encoding.UTF8.GetBytes(Samples.Text(Samples.Vienna2022))).Definition!;
    private static readonly Meeting Meeting = DefinitionValidator.Validate(Vienna).Meeting!;
    private static readonly Actor Officer = new(Role.Organizer, "Conference officer");
    private static readonly DateTimeOffset Monday10 = new(2022, 5, 23, 8, 0, 0, TimeSpan.Zero);

    private static ServerText Known(ServerText? text)
    {
        Assert.NotNull(text);
        var phrase = Assert.Single(ServerPhrases.All, p => p.Code == text.Code);
        Assert.Equal(phrase.Parameters.Order(StringComparer.Ordinal), text.Args.Keys.Order(StringComparer.Ordinal));
        return text;
    }

    private static DefinitionResult ReadMutated(Action<JsonObject> mutate)
    {
        var json = JsonNode.Parse(Samples.Text(Samples.Vienna2022))!.AsObject();
        mutate(json);
        return DefinitionReader.Read(json.ToJsonString());
    }

    private static ServerText At(DefinitionResult result, string path) =>
        Known(Assert.Single(result.Problems, p => p.Path == path).Text);

    [Fact]
    public void A_definition_wrong_everywhere_says_every_problem_with_a_known_phrase()
    {
        var result = ReadMutated(j =>
        {
            j["title"] = " ";
            j["timeZone"] = "Mars/Olympus";
            j["endDate"] = "2022-05-01";
            j["bodies"]!.AsArray().Add(new JsonObject { ["id"] = "wg3", ["name"] = "Twice", ["names"] = new JsonObject { ["en"] = "x", ["de"] = "y", ["fr"] = " " } });
            j["bodies"]!.AsArray().Add(null);
            j["items"]![0]!["id"] = "Not An Id";
            j["items"]![1]!["numbers"] = new JsonObject { ["wg9"] = "1", ["wg3"] = "" };
            j["items"]![2]!["titles"] = new JsonObject { ["zh"] = new string('字', 600) };
            j["items"]![3]!["documents"] = new JsonArray(new JsonObject { ["symbols"] = new JsonArray() });
            j["items"]!.AsArray().Add(null);
        });

        Assert.True(result.Problems.Count >= 10, string.Join("\n", result.Problems));
        Assert.All(result.Problems, p => Known(p.Text));
        Assert.Equal("definition.required", At(result, "$.title").Code);
        Assert.Equal(new Dictionary<string, string> { ["zone"] = "Mars/Olympus" }, At(result, "$.timeZone").Args);
        Assert.Equal("definition.badItemId", At(result, "$.items[0].id").Code);
        Assert.Equal("Not An Id", At(result, "$.items[0].id").Args["id"]);
        Assert.Equal("definition.bodyIdTwice", At(result, "$.bodies[2].id").Code);
        Assert.Equal("definition.englishListed", At(result, "$.bodies[2].names.en").Code);
        Assert.Equal(new Dictionary<string, string> { ["found"] = "de" }, At(result, "$.bodies[2].names.de").Args);
        Assert.Equal("definition.translationBlank", At(result, "$.bodies[2].names.fr").Code);
        Assert.Equal("definition.bodyNull", At(result, "$.bodies[3]").Code);
        Assert.Equal("wg9", At(result, "$.items[1].numbers.wg9").Args["id"]);
        Assert.Equal("definition.numberShape", At(result, "$.items[1].numbers.wg3").Code);
        Assert.Equal(new Dictionary<string, string> { ["length"] = "600", ["max"] = "500" }, At(result, "$.items[2].titles.zh").Args);
        Assert.Equal("definition.documentSymbols", At(result, "$.items[3].documents[0].symbols").Code);
    }

    [Fact]
    public void The_meetings_dates_are_given_as_dates()
    {
        var text = At(ReadMutated(j => j["endDate"] = "2022-05-20"), "$.endDate");

        Assert.Equal("definition.endsBeforeStarts", text.Code);
        Assert.Equal(new Dictionary<string, string> { ["startDate"] = "2022-05-23", ["endDate"] = "2022-05-20" }, text.Args);
    }

    [Fact]
    public void A_sitting_outside_the_dates_names_its_day_and_the_meetings_dates()
    {
        var result = ReadMutated(j =>
        {
            j["sessions"]![0]!["start"] = "2022-06-01T10:00";
            j["sessions"]![0]!["end"] = "2022-06-01T13:00";
        });

        var text = At(result, "$.sessions[0].start");
        Assert.Equal("definition.outsideDates", text.Code);
        Assert.Equal(new Dictionary<string, string> { ["date"] = "2022-06-01", ["startDate"] = "2022-05-23", ["endDate"] = "2022-05-27" }, text.Args);
    }

    [Fact]
    public void A_number_used_twice_names_the_number_the_other_item_and_the_body()
    {
        var result = ReadMutated(j => j["items"]![1]!["numbers"]!["wg3"] = "3");
        var text = At(result, "$.items[2].numbers.wg3");

        Assert.Equal("definition.numberTaken", text.Code);
        Assert.Equal(new Dictionary<string, string> { ["number"] = "3", ["id"] = "transfer-of-sentenced-persons", ["body"] = "wg3" }, text.Args);
    }

    [Fact]
    public void A_joint_item_in_a_sitting_of_one_body_names_the_bodies_and_the_one_missing()
    {
        var result = ReadMutated(j => j["sessions"]![1]!["items"]!.AsArray().Add(new JsonObject { ["item"] = "application-of-the-organized-crime-convention" }));
        var text = At(result, "$.sessions[1].items[1].item");

        Assert.Equal("definition.jointItemSitting", text.Code);
        Assert.Equal(("application-of-the-organized-crime-convention", "wg3,wg2", "wg2"), (text.Args["id"], text.Args["bodies"], text.Args["missing"]));
    }

    [Fact]
    public void Broken_json_is_said_with_its_line_and_byte_and_a_wrong_type_as_such()
    {
        var broken = Assert.Single(DefinitionReader.Read("{\n  \"title\": \"x\",\n  oops\n}").Problems);
        Assert.Equal("definition.jsonError", Known(broken.Text).Code);
        Assert.Equal(new Dictionary<string, string> { ["line"] = "3", ["column"] = "3" }, broken.Text!.Args);

        var wrongType = Assert.Single(DefinitionReader.Read("{\"title\": 3}").Problems);
        Assert.Equal("definition.wrongType", Known(wrongType.Text).Code);

        var draft = DraftReader.Parse("[1]"u8).Problem!;
        Assert.Equal("definition.notObject", Known(draft.Text).Code);
        Assert.Equal("definition.emptyBody", Known(DefinitionReader.Parse(""u8).Problem!.Text).Code);
    }

    [Fact]
    public void The_schedules_refusals_name_the_sitting()
    {
        var started = LiveState.Initial(Meeting).Apply([
            new LogEntry(1, Monday10, "c1", Officer, ChangeSubject.Session, null, "2022-05-23-am", "start", "scheduled", "inProgress")]);
        var context = new MeetingRules.Context(Officer, Monday10, "c2", 2);

        var noFormat = ScheduleRules.Decide(Meeting, null, started, new FormatChange(["2022-05-23-am"], PlanStrategy.Compress), context).Refusal!;
        Assert.Equal("schedule.formatRequired", Known(noFormat.Text).Code);

        var move = ScheduleRules.Decide(Meeting, null, started,
            new FormatChange(["2022-05-23-am"], PlanStrategy.Compress, SessionFormat.Hybrid, Start: new TimeOnly(11, 0)), context).Refusal!;
        Assert.Equal("schedule.sittingStarted", Known(move.Text).Code);
        Assert.Equal("2022-05-23-am", move.Text!.Args["session"]);

        var unknown = ScheduleRules.Decide(Meeting, null, started, new FormatChange(["nope"], PlanStrategy.Compress, SessionFormat.Hybrid), context).Refusal!;
        Assert.Equal(("session.notFound", "nope"), (Known(unknown.Text).Code, unknown.Text!.Args["id"]));

        var ended = started.Apply([new LogEntry(2, Monday10.AddHours(2), "c3", Officer, ChangeSubject.Session, null, "2022-05-23-am", "end", "inProgress", "ended")]);
        var late = context with { NextVersion = 3 };
        var again = ScheduleRules.Decide(Meeting, null, ended, new FormatChange(["2022-05-23-am"], PlanStrategy.Compress, SessionFormat.Online), late).Refusal!;
        Assert.Equal(("schedule.sittingEnded", "2022-05-23-am"), (Known(again.Text).Code, again.Text!.Args["session"]));
        var pin = ScheduleRules.Decide(Meeting, null, ended, new FormatChange([], PlanStrategy.Compress, Pins: [new Pin("opening", "2022-05-23-am")]), late).Refusal!;
        Assert.Equal(new Dictionary<string, string> { ["session"] = "2022-05-23-am", ["item"] = "opening" }, Known(pin.Text).Args);

        var floor = ScheduleRules.Decide(Meeting, null, started, new FormatChange([], PlanStrategy.Compress, FloorMinutes: -1), context).Refusal!;
        Assert.Equal(("schedule.doesNotFit", "1"), (Known(floor.Text).Code, floor.Text!.Args["count"]));
        // The refusal carries each problem with its phrase, so the secretariat's page can list them in the officer's language.
        var problem = Assert.Single(floor.Problems!);
        Assert.Equal(("$.floorMinutes", "planRequest.floorRange", "-1"), (problem.Path, Known(problem.Text).Code, problem.Text!.Args["found"]));
    }

    [Fact]
    public void The_amendments_refusals_name_the_item_or_sitting()
    {
        var start = new LogEntry(1, Monday10, "c1", Officer, ChangeSubject.Session, null, "2022-05-23-am", "start", "scheduled", "inProgress");
        var open = new LogEntry(2, Monday10, "c2", Officer, ChangeSubject.Item, "opening", "2022-05-23-am", "open", "pending", "open");
        var log = new[] { start, open };
        var live = LiveState.Initial(Meeting).Apply(log);

        var removed = DefinitionAmendments.Protect([new Amendment(DefinitionAmendments.ItemRemoved, "opening", null, null, "wg3 1 (a) Opening", "")], live, log)!;
        Assert.Equal(("amend.itemHasHistory", "opening"), (Known(removed.Text).Code, removed.Text!.Args["item"]));
        var cancelled = DefinitionAmendments.Protect([new Amendment(DefinitionAmendments.SittingCancelled, null, "2022-05-23-am", null, "x", "")], live, log)!;
        Assert.Equal(("amend.sittingHasHistory", "2022-05-23-am"), (Known(cancelled.Text).Code, cancelled.Text!.Args["session"]));
        var moved = DefinitionAmendments.Protect([new Amendment(DefinitionAmendments.SittingMoved, null, "2022-05-23-am", null, "a", "b")], live, log)!;
        Assert.Equal(("amend.sittingInProgress", "2022-05-23-am"), (Known(moved.Text).Code, moved.Text!.Args["session"]));
    }

    [Fact]
    public void A_meeting_id_that_is_none_is_said_with_its_text_and_the_longest_id()
    {
        var text = Known(MeetingId.RefusalText("Not/Valid"));
        Assert.Equal("meeting.badId", text.Code);
        Assert.Equal("Not/Valid", text.Args["id"]);
        Assert.Equal("meeting.idNeeded", Known(MeetingId.RefusalText(null)).Code);
    }
}
