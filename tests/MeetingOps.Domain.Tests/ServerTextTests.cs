namespace MeetingOps.Domain.Tests;

/// <summary>
/// The server's words as phrase codes with named arguments (what the pages translate): every refusal of the item and
/// sitting rules carries a phrase the registry knows with exactly its arguments, and the undo offer and the rules'
/// refusals name the item, sitting, status and dates a page needs to say them in another language.
/// </summary>
public class ServerTextTests
{
    private static readonly Meeting Vienna = Samples.Meeting(Samples.Vienna2022);
    private static readonly DateTimeOffset Monday10 = new(2022, 5, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly Actor Chair = new(Role.Chair, "Ms. Chair");

    private static void IsKnown(ServerText? text)
    {
        Assert.NotNull(text);
        var phrase = Assert.Single(ServerPhrases.All, p => p.Code == text.Code);
        Assert.Equal(phrase.Parameters.Order(StringComparer.Ordinal), text.Args.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_illegal_move_of_an_item_or_a_sitting_is_said_with_a_known_phrase_and_all_its_arguments()
    {
        var item = Vienna.FindItem("opening")!;
        var refused = 0;
        foreach (var from in Enum.GetValues<ItemStatus>())
        {
            foreach (var action in Enum.GetValues<ItemAction>())
            {
                if (ItemStateMachine.Decide(from, action, item).Refusal is { } refusal)
                {
                    IsKnown(refusal.Text);
                    Assert.Equal("opening", refusal.Text!.Args["item"]);
                    refused++;
                }
            }
        }
        foreach (var from in Enum.GetValues<SessionStatus>())
        {
            foreach (var action in Enum.GetValues<SessionAction>())
            {
                if (SessionStateMachine.Decide(from, action, "2022-05-23-am").Refusal is { } refusal)
                {
                    IsKnown(refusal.Text);
                    Assert.Equal(("2022-05-23-am", MeetingOpsJson.Name(from)), (refusal.Text!.Args["session"], refusal.Text.Args["sessionStatus"]));
                    refused++;
                }
            }
        }
        Assert.True(refused > 25, $"only {refused} refusals walked");
    }

    [Fact]
    public void Adopting_an_adopted_item_names_the_item_and_its_status()
    {
        var refusal = ItemStateMachine.Decide(ItemStatus.Adopted, ItemAction.Adopt, Vienna.FindItem("opening")!).Refusal!;

        Assert.Equal("item.adoptNotOpen", refusal.Text!.Code);
        Assert.Equal(new Dictionary<string, string> { ["item"] = "opening", ["status"] = "adopted" }, refusal.Text.Args);
        // The English stays for the API and the logs.
        Assert.StartsWith("Only an item under consideration can be adopted; item 1 (a)", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Taking_up_an_item_with_no_sitting_names_the_item_and_its_bodies()
    {
        var refusal = MeetingRules.Decide(Vienna, LiveState.Initial(Vienna), new ItemCommand("opening", ItemAction.Open),
            new MeetingRules.Context(Chair, Monday10, "c1", 1)).Refusal!;

        IsKnown(refusal.Text);
        Assert.Equal("opening", refusal.Text!.Args["item"]);
        Assert.Equal(Vienna.FindItem("opening")!.Numbers.Keys.Order(StringComparer.Ordinal),
            refusal.Text.Args["bodies"].Split(',').Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_unknown_item_or_session_is_named_as_sent()
    {
        var context = new MeetingRules.Context(Chair, Monday10, "c1", 1);
        var item = MeetingRules.Decide(Vienna, LiveState.Initial(Vienna), new ItemCommand("nine", ItemAction.Open), context).Refusal!;
        var session = MeetingRules.Decide(Vienna, LiveState.Initial(Vienna), new SessionCommand("someday", SessionAction.Start), context).Refusal!;

        Assert.Equal(("item.notFound", "nine"), (item.Text!.Code, item.Text.Args["id"]));
        Assert.Equal(("session.notFound", "someday"), (session.Text!.Code, session.Text.Args["id"]));
    }

    [Fact]
    public void A_start_on_another_day_names_both_days_as_dates()
    {
        var refusal = MeetingRules.Decide(Vienna, LiveState.Initial(Vienna), new SessionCommand("2022-05-24-am", SessionAction.Start),
            new MeetingRules.Context(Chair, Monday10, "c1", 1)).Refusal!;

        Assert.Equal(("offDay", "session.offDay"), (refusal.Code, refusal.Text!.Code));
        Assert.Equal(new Dictionary<string, string> { ["session"] = "2022-05-24-am", ["planned"] = "2022-05-24", ["today"] = "2022-05-23" }, refusal.Text.Args);
    }

    [Fact]
    public void The_undo_offer_names_the_change_and_undo_refused_says_why()
    {
        var log = new List<LogEntry>();
        var context = new MeetingRules.Context(Chair, Monday10, "c1", 1);
        Assert.Null(Corrections.DescribeText(Vienna, log));
        var nothing = Corrections.Undo(Vienna, LiveState.Initial(Vienna), log, new UndoCommand(), context).Refusal!;
        Assert.Equal("undo.nothing", nothing.Text!.Code);

        log.AddRange(MeetingRules.Decide(Vienna, LiveState.Initial(Vienna), new SessionCommand("2022-05-23-am", SessionAction.Start), context).Changes);
        Assert.Equal(ServerPhrases.UndoStart.With(("session", "2022-05-23-am")), Corrections.DescribeText(Vienna, log));

        var live = LiveState.Initial(Vienna).Apply(log);
        log.AddRange(MeetingRules.Decide(Vienna, live, new ItemCommand("opening", ItemAction.Open), context with { CommandId = "c2", NextVersion = 2 }).Changes);
        var offer = Corrections.DescribeText(Vienna, log)!;
        Assert.Equal(new ServerText("undo.open", new Dictionary<string, string> { ["item"] = "opening", ["session"] = "2022-05-23-am" }), offer);
        Assert.Equal("Undo: taking up item 1 (a) in session 2022-05-23-am", Corrections.Describe(Vienna, log));

        var notLatest = Corrections.Undo(Vienna, LiveState.Initial(Vienna).Apply(log), log, new UndoCommand(1), context with { NextVersion = 3 }).Refusal!;
        Assert.Equal(new Dictionary<string, string> { ["version"] = "1", ["latest"] = "2" }, notLatest.Text!.Args);
    }

    [Fact]
    public void A_phrase_given_the_wrong_arguments_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => ServerPhrases.ItemAlreadyOpen.With(("session", "x")));
        Assert.Throws<ArgumentException>(() => ServerPhrases.ItemWasClosed.With(("item", "x")));
        Assert.Equal("45", ServerPhrases.WarnOverItsTime.With(("item", "x"), ("overMinutes", 45), ("plannedMinutes", 30)).Args["overMinutes"]);
    }
}
