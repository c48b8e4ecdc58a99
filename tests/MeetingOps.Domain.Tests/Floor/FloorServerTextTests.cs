using System.Text.Json.Nodes;
using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Floor;

namespace MeetingOps.Domain.Tests.Floor;

/// <summary>
/// The floor's, the delegations' and the announcements' refusals as phrase codes (what the pages translate): each names
/// the phrase the registry knows with exactly its arguments, the delegation by its id and a request by its kind as the
/// API spells it, while the English reason stays as it was for API clients.
/// </summary>
public class FloorServerTextTests
{
    private static readonly DateTimeOffset T0 = new(2022, 5, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly FloorActor Chair = new(FloorRole.Chair, Name: "Ms. Chair");

    private static readonly IReadOnlyList<Delegation> All =
    [
        new("austria", "Austria", DelegationKind.MemberState),
        new("brazil", "Brazil", DelegationKind.MemberState),
        new("eu", "European Union", DelegationKind.Igo),
    ];

    private static FloorActor As(string id) => new(FloorRole.Delegation, id);

    /// <summary>The refusal's phrase is in the registry, given exactly its arguments, and is the one expected with these values.</summary>
    private static Refusal Says(Refusal? refusal, ServerPhrase phrase, params (string Name, string Value)[] args)
    {
        Assert.NotNull(refusal);
        Assert.NotNull(refusal.Text);
        Assert.Contains(phrase, ServerPhrases.All);
        Assert.Equal(phrase.Code, refusal.Text.Code);
        Assert.Equal(phrase.Parameters.Order(StringComparer.Ordinal), refusal.Text.Args.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(args.ToDictionary(a => a.Name, a => a.Value), refusal.Text.Args);
        return refusal;
    }

    private static Refusal? Decide(FloorState state, FloorCommand command, FloorActor? actor = null) =>
        FloorRules.Decide(state, command, actor ?? Chair, All, 180, T0).Refusal;

    private static FloorState After(FloorState state, params (FloorCommand Command, FloorActor Actor)[] steps)
    {
        foreach (var (command, actor) in steps)
        {
            state = FloorRules.Decide(state, command, actor, All, 180, T0).State!;
        }
        return state;
    }

    [Fact]
    public void A_second_request_of_the_same_kind_names_the_delegation_and_the_kind()
    {
        var state = After(FloorState.Empty, (new(FloorAction.Request, Kind: FloorRequestKind.RightOfReply), As("brazil")));

        var refusal = Says(Decide(state, new(FloorAction.Request, Kind: FloorRequestKind.RightOfReply), As("brazil")),
            ServerPhrases.FloorAlreadyRequested, ("delegation", "brazil"), ("kind", "rightOfReply"));
        Assert.Equal("Brazil already has a request for the right of reply on this item.", refusal.Reason);
        Assert.Equal(RefusalKind.Conflict, refusal.Kind);
    }

    [Fact]
    public void A_closed_list_refuses_a_statement_in_a_phrase_of_its_own()
    {
        var closed = After(FloorState.Empty, (new(FloorAction.Close), Chair));

        var refusal = Says(Decide(closed, new(FloorAction.Request), As("eu")), ServerPhrases.FloorListClosed);
        Assert.Equal("The list of speakers is closed: no more requests for statements are taken on this item.", refusal.Reason);
        Says(Decide(closed, new(FloorAction.Close)), ServerPhrases.FloorAlreadyClosed);
        Says(Decide(FloorState.Empty, new(FloorAction.Reopen)), ServerPhrases.FloorAlreadyOpen);
    }

    [Fact]
    public void What_a_delegation_key_may_not_do_names_both_delegations()
    {
        Says(Decide(FloorState.Empty, new(FloorAction.Next), As("brazil")), ServerPhrases.FloorDelegationKeyOnly);
        Says(Decide(FloorState.Empty, new(FloorAction.Request, DelegationId: "austria"), As("brazil")),
            ServerPhrases.FloorOtherDelegation, ("keyDelegation", "brazil"), ("delegation", "austria"));
        Says(Decide(FloorState.Empty, new(FloorAction.Give, DelegationId: "atlantis")), ServerPhrases.DelegationNotFound, ("delegation", "atlantis"));
        Says(Decide(FloorState.Empty, new(FloorAction.Give)), ServerPhrases.FloorWhichDelegation, ("action", "give"));
    }

    [Fact]
    public void Withdrawing_or_moving_what_is_not_on_the_list_names_the_delegation_and_the_kind_asked()
    {
        var state = After(FloorState.Empty, (new(FloorAction.Request), As("austria")), (new(FloorAction.Request), As("eu")));

        Says(Decide(state, new(FloorAction.Withdraw), As("brazil")), ServerPhrases.FloorNoRequest, ("delegation", "brazil"));
        Says(Decide(state, new(FloorAction.Withdraw, Kind: FloorRequestKind.PointOfOrder), As("austria")),
            ServerPhrases.FloorNoRequestOfKind, ("delegation", "austria"), ("kind", "pointOfOrder"));
        Says(Decide(state, new(FloorAction.Move, DelegationId: "brazil", Position: 1)), ServerPhrases.FloorNotOnList, ("delegation", "brazil"));
        var range = Says(Decide(state, new(FloorAction.Move, DelegationId: "eu", Position: 3)), ServerPhrases.FloorPositionRange, ("max", "2"));
        Assert.Equal("position: a place from 1 to 2.", range.Reason);
    }

    [Fact]
    public void The_floor_and_its_timer_refused_each_say_why()
    {
        Says(Decide(FloorState.Empty, new(FloorAction.Next)), ServerPhrases.FloorListEmpty);
        Says(Decide(FloorState.Empty, new(FloorAction.Pause)), ServerPhrases.FloorNobodySpeaking);
        var speaking = After(FloorState.Empty, (new(FloorAction.Request), As("austria")), (new(FloorAction.Next), Chair));
        Says(Decide(speaking, new(FloorAction.Resume)), ServerPhrases.FloorTimerRunning);
        Says(Decide(After(speaking, (new(FloorAction.Pause), Chair)), new(FloorAction.Pause)), ServerPhrases.FloorTimerPaused);
        Says(Decide(speaking, new(FloorAction.Limit, LimitSeconds: 5)), ServerPhrases.FloorLimitRange, ("minSeconds", "10"), ("maxSeconds", "3600"));
        Says(Decide(speaking, new((FloorAction)99)), ServerPhrases.UnknownCommand);
    }

    [Fact]
    public void Every_floor_refusal_walked_carries_a_known_phrase()
    {
        var states = new[]
        {
            FloorState.Empty,
            After(FloorState.Empty, (new(FloorAction.Request), As("austria")), (new(FloorAction.Close), Chair)),
            After(FloorState.Empty, (new(FloorAction.Request), As("austria")), (new(FloorAction.Next), Chair), (new(FloorAction.Pause), Chair)),
        };
        FloorActor[] actors = [Chair, As("austria"), As("brazil")];
        var refused = 0;
        foreach (var state in states)
        {
            foreach (var action in Enum.GetValues<FloorAction>())
            {
                foreach (var actor in actors)
                {
                    foreach (var delegation in new[] { null, "austria", "brazil", "nobody" })
                    {
                        var refusal = Decide(state, new(action, delegation, Position: 9, LimitSeconds: 1), actor);
                        if (refusal is null)
                        {
                            continue;
                        }
                        Assert.NotNull(refusal.Text);
                        var phrase = Assert.Single(ServerPhrases.All, p => p.Code == refusal.Text.Code);
                        Assert.Equal(phrase.Parameters.Order(StringComparer.Ordinal), refusal.Text.Args.Keys.Order(StringComparer.Ordinal));
                        refused++;
                    }
                }
            }
        }
        Assert.True(refused > 100, $"only {refused} refusals walked");
    }

    [Fact]
    public void A_list_of_delegations_says_each_problem_with_its_place_and_phrase()
    {
        var problems = Delegations.Check([new("brazil", "Brazil", DelegationKind.MemberState), new("brazil", "", (DelegationKind)42), new("Bad Id", "X", DelegationKind.Ngo), null!]);

        Assert.Equal(["delegations[1].id", "delegations[1].name", "delegations[1].kind", "delegations[2].id", "delegations[3]"], problems.Select(p => p.Path));
        Assert.Equal(ServerPhrases.DelegationsIdTwice.With(("id", "brazil")), problems[0].Text);
        Assert.Equal(ServerPhrases.DelegationsNameShape.With(("max", Delegations.MaxNameLength)), problems[1].Text);
        Assert.Equal(ServerPhrases.DelegationsKindShape.With(), problems[2].Text);
        Assert.Equal(ServerPhrases.DelegationsIdShape.With(("max", Delegations.MaxIdLength), ("found", "Bad Id")), problems[3].Text);
        Assert.Equal(ServerPhrases.DelegationsNotObject.With(), problems[4].Text);
        // The English stays as it was, path first (the API's errors and the definition's problems read it).
        Assert.Equal("delegations[1].id: \"brazil\" is used twice.", Delegations.Problems([new("brazil", "Brazil", DelegationKind.MemberState), new("brazil", "B", DelegationKind.Ngo)]).Single());

        Assert.Equal(ServerPhrases.DelegationsRequired.With(), Assert.Single(Delegations.Check(null)).Text);
        var many = Enumerable.Range(0, Delegations.MaxCount + 1).Select(i => new Delegation($"d{i}", $"D{i}", DelegationKind.Ngo)).ToList();
        Assert.Equal(ServerPhrases.DelegationsTooMany.With(("max", 400), ("count", 401)), Assert.Single(Delegations.Check(many)).Text);

        Assert.Null(Delegations.CheckLimit(null));
        Assert.Null(Delegations.CheckLimit(180));
        var limit = Delegations.CheckLimit(5)!;
        Assert.Equal(("statementLimitSeconds", ServerPhrases.DelegationsLimitRange.With(("minSeconds", 10), ("maxSeconds", 3600))), (limit.Path, limit.Text));
    }

    [Fact]
    public void A_definitions_delegations_problems_carry_their_phrases_at_their_paths()
    {
        var definition = JsonNode.Parse(Samples.Text(Samples.Vienna2022))!;
        definition["delegations"] = JsonNode.Parse("""[{"id": "x", "name": "X", "kind": "ngo"}, {"id": "x", "name": " ", "kind": "ngo"}]""");

        var problems = DefinitionReader.Read(definition.ToJsonString()).Problems.Where(p => p.Path.StartsWith("$.delegations", StringComparison.Ordinal)).ToList();

        Assert.Equal(
            [
                new DefinitionProblem("$.delegations[1].id", "\"x\" is used twice.", ServerPhrases.DelegationsIdTwice.With(("id", "x"))),
                new DefinitionProblem("$.delegations[1].name", "1–200 printable characters, as the report writes it.", ServerPhrases.DelegationsNameShape.With(("max", 200))),
            ],
            problems);
    }
}
