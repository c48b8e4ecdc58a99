using MeetingOps.Domain.Floor;

namespace MeetingOps.Domain.Tests.Floor;

/// <summary>The list of speakers: places by kind, one request per kind, who may do what, the statement timer.</summary>
public class FloorRulesTests
{
    private static readonly DateTimeOffset T0 = new(2022, 5, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly FloorActor Chair = new(FloorRole.Chair, Name: "Ms. Chair");

    private static readonly IReadOnlyList<Delegation> All =
    [
        new("austria", "Austria", DelegationKind.MemberState),
        new("brazil", "Brazil", DelegationKind.MemberState),
        new("chile", "Chile", DelegationKind.MemberState),
        new("eu", "European Union", DelegationKind.Igo),
        new("unodc", "United Nations Office on Drugs and Crime", DelegationKind.UnEntity),
    ];

    private FloorState _state = FloorState.Empty;
    private DateTimeOffset _now = T0;

    private static FloorActor As(string id) => new(FloorRole.Delegation, id);

    private FloorDecision Do(FloorCommand command, FloorActor? actor = null, int? meetingLimit = 180)
    {
        var decision = FloorRules.Decide(_state, command, actor ?? Chair, All, meetingLimit, _now);
        if (decision.State is { } next)
        {
            _state = next;
        }
        return decision;
    }

    private Refusal Refused(FloorCommand command, FloorActor? actor = null)
    {
        var before = _state;
        var refusal = Assert.IsType<Refusal>(Do(command, actor).Refusal);
        Assert.Same(before, _state);
        return refusal;
    }

    private string[] Queue() => [.. _state.Queue.Select(r => $"{r.DelegationId}:{MeetingOpsJson.Name(r.Kind)}")];

    [Fact]
    public void Points_of_order_go_to_the_top_and_rights_of_reply_to_the_end()
    {
        Do(new(FloorAction.Request), As("austria"));
        Do(new(FloorAction.Request, Kind: FloorRequestKind.RightOfReply), As("brazil"));
        Do(new(FloorAction.Request), As("chile"));
        Do(new(FloorAction.Request, Kind: FloorRequestKind.PointOfOrder), As("eu"));
        Do(new(FloorAction.Request, Kind: FloorRequestKind.PointOfOrder), As("unodc"));

        Assert.Equal(["eu:pointOfOrder", "unodc:pointOfOrder", "austria:statement", "chile:statement", "brazil:rightOfReply"], Queue());
    }

    [Fact]
    public void One_open_request_per_delegation_and_kind()
    {
        Assert.Null(Do(new(FloorAction.Request), As("brazil")).Refusal);
        Assert.Equal(RefusalKind.Conflict, Refused(new(FloorAction.Request), As("brazil")).Kind);
        Assert.Null(Do(new(FloorAction.Request, Kind: FloorRequestKind.RightOfReply), As("brazil")).Refusal);
        Assert.Equal(2, _state.Queue.Count);
    }

    [Fact]
    public void A_delegation_can_only_request_and_withdraw_its_own()
    {
        Do(new(FloorAction.Request), As("brazil"));
        Assert.Equal(RefusalKind.Forbidden, Refused(new(FloorAction.Next), As("brazil")).Kind);
        Assert.Equal(RefusalKind.Forbidden, Refused(new(FloorAction.Close), As("brazil")).Kind);
        Assert.Equal(RefusalKind.Forbidden, Refused(new(FloorAction.Request, "austria"), As("brazil")).Kind);
        Assert.Equal(RefusalKind.Forbidden, Refused(new(FloorAction.Withdraw, "brazil"), As("austria")).Kind);
        Assert.Null(Do(new(FloorAction.Withdraw), As("brazil")).Refusal);
        Assert.Empty(_state.Queue);
    }

    [Fact]
    public void The_chair_gives_the_floor_in_order_and_the_timer_counts_pauses_out()
    {
        Do(new(FloorAction.Request, "austria"));
        Do(new(FloorAction.Request, "brazil"));
        Do(new(FloorAction.Next));
        Assert.Equal("austria", _state.Speaking!.DelegationId);
        Assert.Equal(180, _state.Speaking.LimitSeconds);

        _now = T0.AddSeconds(100);
        Do(new(FloorAction.Pause));
        _now = T0.AddSeconds(400);
        Assert.Equal(80, _state.Speaking!.LeftSeconds(_now));
        Do(new(FloorAction.Resume));
        _now = T0.AddSeconds(460);
        Assert.Equal(20, _state.Speaking!.LeftSeconds(_now));
        Assert.Equal((true, false), FloorRules.Timer(_state.Speaking, _now));
        _now = T0.AddSeconds(500);
        Assert.Equal((false, true), FloorRules.Timer(_state.Speaking, _now));
        Assert.Equal("austria", _state.Speaking.DelegationId); // time is up, but only the chair ends a statement

        Do(new(FloorAction.Next));
        Assert.Equal("brazil", _state.Speaking!.DelegationId);
        Assert.Empty(_state.Queue);
        Assert.Equal(RefusalKind.IllegalTransition, Refused(new(FloorAction.Next)).Kind);
        Assert.Equal(["austria", "brazil"], _state.Spoke.Select(s => s.DelegationId));
    }

    [Fact]
    public void A_closed_list_refuses_statements_in_words()
    {
        Do(new(FloorAction.Close));
        var refusal = Refused(new(FloorAction.Request), As("chile"));
        Assert.Contains("closed", refusal.Reason, StringComparison.Ordinal);
        Assert.Null(Do(new(FloorAction.Request, Kind: FloorRequestKind.PointOfOrder), As("chile")).Refusal);
    }

    [Fact]
    public void Move_remove_give_and_limits()
    {
        Do(new(FloorAction.Request, "austria"));
        Do(new(FloorAction.Request, "brazil"));
        Do(new(FloorAction.Request, "chile"));
        Do(new(FloorAction.Move, "chile", Position: 1));
        Assert.Equal(["chile:statement", "austria:statement", "brazil:statement"], Queue());
        Assert.Equal(RefusalKind.Invalid, Refused(new(FloorAction.Move, "chile", Position: 9)).Kind);
        Do(new(FloorAction.Remove, "austria"));
        Do(new(FloorAction.Limit, LimitSeconds: 300));
        Do(new(FloorAction.Give, "brazil"));
        Assert.Equal(300, _state.Speaking!.LimitSeconds);
        Assert.Equal(["chile:statement"], Queue());
        Assert.Equal(RefusalKind.Invalid, Refused(new(FloorAction.Limit, LimitSeconds: 5)).Kind);
        Assert.Equal(RefusalKind.NotFound, Refused(new(FloorAction.Request, "atlantis")).Kind);
    }

    [Fact]
    public void The_report_names_speakers_in_UN_wording_in_speaking_order_without_duplicates()
    {
        Delegation D(string id) => All.Single(d => d.Id == id);
        var sentence = FloorStatements.Sentence([D("brazil"), D("eu"), D("austria"), D("brazil"), D("unodc"), D("chile")]);
        Assert.Equal("Statements were made by the representatives of Brazil, Austria and Chile. The observer for the European Union also made a statement. "
            + "The representative of the United Nations Office on Drugs and Crime also made a statement.", sentence);
        Assert.Equal("A statement was made by the observer for the European Union.", FloorStatements.Sentence([D("eu")]));
        Assert.Null(FloorStatements.Sentence([]));
    }

    [Fact]
    public void Delegation_lists_are_checked_naming_where()
    {
        var problems = Delegations.Problems([new("brazil", "Brazil", DelegationKind.MemberState), new("brazil", "", (DelegationKind)42), new("Bad Id", "X", DelegationKind.Ngo)]);
        Assert.Contains("delegations[1].id: \"brazil\" is used twice.", problems);
        Assert.Contains(problems, p => p.StartsWith("delegations[1].name", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("delegations[1].kind", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("delegations[2].id", StringComparison.Ordinal));
    }
}
