using MeetingOps.Domain;
using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Planning;
using static MeetingOps.Planning.Tests.SmallMeetings;

namespace MeetingOps.Planning.Tests;

/// <summary>
/// Every problem of a re-plan request reaches the secretariat's page as a phrase it can say in the officer's language:
/// a known code, with exactly the phrase's arguments. Two requests between them find every problem the check can find.
/// </summary>
public class PlanRequestTextTests
{
    private static DateTime At(int month, int day, int hour, int minute = 0) => new(2030, month, day, hour, minute, 0);

    /// <summary>
    /// Vienna, Friday 29 March to Tuesday 2 April 2030: the clocks skip 02:00–03:00 on Sunday 31 March. Bodies a and b;
    /// org (a joint heading) is planned only through its sub-item opening.
    /// </summary>
    private static readonly Meeting Spring = Valid(new MeetingDefinition("Spring meeting", "Vienna", "Europe/Vienna",
        new DateOnly(2030, 3, 29), new DateOnly(2030, 4, 2),
        [new BodyDefinition("a", "Working group a", "X/A"), new BodyDefinition("b", "Working group b", "X/B")],
        [
            Item("org", "a:1,b:1", ItemKind.Organizational, Item("opening", "a:1 (a),b:1 (a)", ItemKind.Opening)),
            Item("solo-a", "a:2"), Item("solo-b", "b:2"),
        ],
        [
            new SessionDefinition("fri-am", At(3, 29, 10), At(3, 29, 13), ["a", "b"], [new PlannedItem("opening"), new PlannedItem("solo-a")]),
            new SessionDefinition("sun-am", At(3, 31, 10), At(3, 31, 13), ["a"], [new PlannedItem("solo-a", true)]),
            new SessionDefinition("mon-am", At(4, 1, 10), At(4, 1, 13), ["b"], [new PlannedItem("solo-b")]),
            new SessionDefinition("tue-am", At(4, 2, 10), At(4, 2, 13), ["a", "b"], [new PlannedItem("solo-b", true)]),
        ]));

    private static Meeting Valid(MeetingDefinition definition)
    {
        var result = DefinitionValidator.Validate(definition);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Meeting!;
    }

    /// <summary>Everything wrong in the request's own fields: the check stops there and lays out no sitting.</summary>
    private static readonly PlanRequest Fields = new((PlanStrategy)99,
        new Dictionary<string, SessionChange>
        {
            ["nope"] = new(SessionFormat.Hybrid),
            ["fri-am"] = null!,
            ["sun-am"] = new((SessionFormat)9, CapMinutes: 0, Start: new TimeOnly(2, 30)),
        },
        new Dictionary<string, int> { ["ghost"] = 10, ["org"] = 30, ["solo-a"] = 0 },
        [
            null!,
            new ExtraSession("fri-am", At(3, 31, 2, 30), At(3, 31, 2), ["c", "a", "a"], (SessionFormat)9, CapMinutes: 0),
            new ExtraSession("Sat", new DateTime(2030, 4, 5, 10, 0, 0, DateTimeKind.Utc), At(4, 6, 12), []),
        ],
        FloorMinutes: -1,
        InterpretationMinutesPerDay: 0);

    /// <summary>
    /// A sound request whose sittings clash (an extra sitting of a inside Friday morning) and whose pins do not fit: the
    /// daily quota of 60 minutes shortens Tuesday morning (hybrid) and leaves nothing to the extra Tuesday afternoon.
    /// </summary>
    private static readonly PlanRequest Laid = new(PlanStrategy.Compress,
        new Dictionary<string, SessionChange> { ["tue-am"] = new(SessionFormat.Hybrid) },
        ExtraSessions:
        [
            new ExtraSession("fri-x", At(3, 29, 11), At(3, 29, 12), ["a"]),
            new ExtraSession("tue-pm", At(4, 2, 15), At(4, 2, 18), ["a"], SessionFormat.Hybrid),
        ],
        Pins:
        [
            null!,
            new Pin("ghost", "nowhere"),
            new Pin("org", "fri-am"),
            new Pin("solo-b", "sun-am"),
            new Pin("solo-a", "fri-am", 500),
            new Pin("solo-a", "fri-am", 100),
            new Pin("opening", "fri-am", 100),
            new Pin("solo-b", "tue-am", 50),
            new Pin("opening", "tue-am", 50),
            new Pin("solo-a", "tue-pm"),
        ],
        InterpretationMinutesPerDay: 60);

    public static TheoryData<string> Requests => ["fields", "laid"];

    private static IReadOnlyList<DefinitionProblem> Problems(string which) => SchedulePlanner.Check(Spring, which == "fields" ? Fields : Laid);

    [Theory]
    [MemberData(nameof(Requests))]
    public void Every_problem_has_a_known_phrase_with_its_arguments(string which)
    {
        var problems = Problems(which);

        Assert.True(problems.Count > 10, string.Join("\n", problems));
        Assert.All(problems, p =>
        {
            Assert.NotNull(p.Text);
            var phrase = Assert.Single(ServerPhrases.All, known => known.Code == p.Text.Code);
            Assert.Equal(phrase.Parameters.Order(StringComparer.Ordinal), p.Text.Args.Keys.Order(StringComparer.Ordinal));
        });
    }

    [Fact]
    public void The_two_requests_say_every_re_plan_phrase_and_the_definition_phrases_for_what_a_definition_shares()
    {
        var said = Problems("fields").Concat(Problems("laid")).Select(p => p.Text!.Code).ToHashSet(StringComparer.Ordinal);

        // A sitting with no minutes at all and no quota to blame cannot be laid out (a cap is at least a minute, a sitting
        // ends after it starts); its phrase is there for the day a sitting can.
        var planRequest = ServerPhrases.All.Select(p => p.Code).Where(c => c.StartsWith("planRequest.", StringComparison.Ordinal) && c != "planRequest.noMinutes");
        Assert.All(planRequest, code => Assert.Contains(code, said));
        Assert.Superset(new HashSet<string>(StringComparer.Ordinal)
            {
                "session.notFound", "item.notFound", "definition.unknownFormat", "definition.capRange", "definition.timeSkipped",
                "definition.sessionNull", "definition.sessionIdTwice", "definition.badSessionId", "definition.localTimeOnly",
                "definition.outsideDates", "definition.sessionEndsBeforeStarts", "definition.sessionTooLong",
                "definition.sessionBodiesRequired", "definition.unknownSessionBody", "definition.bodyListedTwice", "definition.sessionsOverlap",
            }, said);
    }

    [Fact]
    public void The_arguments_name_what_the_page_shows_by_id()
    {
        var fields = Problems("fields").ToDictionary(p => (p.Path, p.Text!.Code), p => p.Text!.Args);
        Assert.Equal("99", fields[("$.strategy", "planRequest.unknownStrategy")]["found"]);
        Assert.Equal("-1", fields[("$.floorMinutes", "planRequest.floorRange")]["found"]);
        Assert.Equal("nope", fields[("$.changes.nope", "session.notFound")]["id"]);
        Assert.Empty(fields[("$.changes.fri-am", "planRequest.changeShape")]);
        Assert.Equal(new Dictionary<string, string> { ["localStart"] = "2030-03-31T02:30", ["zone"] = "Europe/Vienna" },
            fields[("$.changes.sun-am.start", "definition.timeSkipped")]);
        Assert.Equal("org", fields[("$.estimates.org", "planRequest.estimateNotPlanned")]["item"]);
        Assert.Equal(new Dictionary<string, string> { ["max"] = "100000", ["found"] = "0" }, fields[("$.estimates.solo-a", "planRequest.estimateRange")]);
        Assert.Equal(new Dictionary<string, string> { ["date"] = "2030-04-06", ["startDate"] = "2030-03-29", ["endDate"] = "2030-04-02" },
            fields[("$.extraSessions[2].localEnd", "definition.outsideDates")]);
        Assert.Equal("0", fields[("$.interpretationMinutesPerDay", "planRequest.quotaRange")]["found"]);

        var laid = Problems("laid").ToDictionary(p => (p.Path, p.Text!.Code), p => p.Text!.Args);
        Assert.Equal(new Dictionary<string, string> { ["id"] = "fri-x", ["other"] = "fri-am", ["body"] = "a" },
            laid[("$.extraSessions[0]", "definition.sessionsOverlap")]);
        Assert.Equal(new Dictionary<string, string> { ["item"] = "solo-b", ["session"] = "sun-am", ["bodies"] = "b" },
            laid[("$.pins[3].session", "planRequest.pinBodiesAbsent")]);
        Assert.Equal(new Dictionary<string, string> { ["session"] = "fri-am", ["availableMinutes"] = "180", ["found"] = "500" },
            laid[("$.pins[4].minutes", "planRequest.pinMinutesRange")]);
        Assert.Equal(new Dictionary<string, string> { ["session"] = "fri-am", ["askedMinutes"] = "200", ["availableMinutes"] = "180" },
            laid[("$.pins[6].minutes", "planRequest.pinsOver")]);
        Assert.Equal(new Dictionary<string, string> { ["session"] = "tue-am", ["askedMinutes"] = "100", ["availableMinutes"] = "60" },
            laid[("$.pins[8].minutes", "planRequest.pinsOverQuota")]);
        Assert.Equal("tue-pm", laid[("$.pins[9].session", "planRequest.noMinutesQuota")]["session"]);
    }
}
