using MeetingOps.Domain;

namespace MeetingOps.Domain.Tests;

public class ItemStateMachineTests
{
    private static readonly AgendaItem Substantive = Item(ItemKind.Substantive, adoptable: false);
    private static readonly AgendaItem Report = Item(ItemKind.Report, adoptable: true);

    private static AgendaItem Item(ItemKind kind, bool adoptable) =>
        new("x", new Dictionary<string, string> { ["wg3"] = "2" }, "Transfer of sentenced persons", kind, adoptable, null,
            new Dictionary<string, string>(), []);

    /// <summary>Every legal move, and where it leads.</summary>
    public static TheoryData<ItemStatus, ItemAction, ItemStatus> Legal => new()
    {
        { ItemStatus.Pending, ItemAction.Open, ItemStatus.Open },
        { ItemStatus.Continued, ItemAction.Open, ItemStatus.Open },
        { ItemStatus.Open, ItemAction.Continue, ItemStatus.Continued },
        { ItemStatus.Open, ItemAction.Conclude, ItemStatus.Concluded },
        { ItemStatus.Open, ItemAction.Adopt, ItemStatus.Adopted },
        { ItemStatus.Pending, ItemAction.Defer, ItemStatus.Deferred },
        { ItemStatus.Open, ItemAction.Defer, ItemStatus.Deferred },
        { ItemStatus.Continued, ItemAction.Defer, ItemStatus.Deferred },
        { ItemStatus.Concluded, ItemAction.Reopen, ItemStatus.Open },
        { ItemStatus.Adopted, ItemAction.Reopen, ItemStatus.Open },
    };

    [Theory]
    [MemberData(nameof(Legal))]
    public void A_legal_move_leads_where_it_should(ItemStatus from, ItemAction action, ItemStatus to)
    {
        var decision = ItemStateMachine.Decide(from, action, Report);

        Assert.Null(decision.Refusal);
        Assert.Equal(to, decision.Outcome);
    }

    public static TheoryData<ItemStatus, ItemAction> Illegal()
    {
        var data = new TheoryData<ItemStatus, ItemAction>();
        var legal = Legal.Select(row => ((ItemStatus)row[0], (ItemAction)row[1])).ToHashSet();
        foreach (var from in Enum.GetValues<ItemStatus>())
        {
            foreach (var action in Enum.GetValues<ItemAction>())
            {
                if (!legal.Contains((from, action)))
                {
                    data.Add(from, action);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Illegal))]
    public void Every_illegal_move_is_refused_with_a_reason_that_names_the_item_and_its_status(ItemStatus from, ItemAction action)
    {
        var decision = ItemStateMachine.Decide(from, action, Report);

        var refusal = Assert.IsType<Refusal>(decision.Refusal);
        Assert.Null(decision.Outcome);
        Assert.Equal(RefusalKind.IllegalTransition, refusal.Kind);
        Assert.Equal(from.ToString().ToLowerInvariant(), refusal.From);
        Assert.Contains("item 2", refusal.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void There_are_exactly_26_illegal_moves_out_of_36() => Assert.Equal(26, Illegal().Count());

    [Fact]
    public void An_item_under_which_nothing_is_adopted_cannot_be_adopted()
    {
        var decision = ItemStateMachine.Decide(ItemStatus.Open, ItemAction.Adopt, Substantive);

        Assert.Equal("Nothing is adopted under item 2 (\"Transfer of sentenced persons\"); conclude it instead.", decision.Refusal!.Reason);
        Assert.Equal(("open", "adopted"), (decision.Refusal.From, decision.Refusal.To));
    }

    [Fact]
    public void Reasons_use_the_meetings_words()
    {
        Assert.Equal("Only an item under consideration can be concluded; item 2 is pending (not yet taken up). Take it up first.",
            ItemStateMachine.Decide(ItemStatus.Pending, ItemAction.Conclude, Report).Refusal!.Reason);
        Assert.Equal("Item 2 was deferred to a later meeting.",
            ItemStateMachine.Decide(ItemStatus.Deferred, ItemAction.Open, Report).Refusal!.Reason);
    }
}
