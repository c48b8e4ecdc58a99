namespace MeetingOps.Domain.Tests;

/// <summary>The one reader of the chair's action names, shared by REST and the hub.</summary>
public class ChairActionsTests
{
    [Theory]
    [InlineData("open", ItemAction.Open)]
    [InlineData("continue", ItemAction.Continue)]
    [InlineData("conclude", ItemAction.Conclude)]
    [InlineData("adopt", ItemAction.Adopt)]
    [InlineData("defer", ItemAction.Defer)]
    [InlineData("reopen", ItemAction.Reopen)]
    [InlineData("Adopt", ItemAction.Adopt)]
    [InlineData("ADOPT", ItemAction.Adopt)]
    public void Every_item_action_reads_by_its_name_in_any_case(string text, ItemAction expected)
    {
        Assert.True(ChairActions.TryParse(text, out ItemAction action));
        Assert.Equal(expected, action);
    }

    [Theory]
    [InlineData("start", SessionAction.Start)]
    [InlineData("suspend", SessionAction.Suspend)]
    [InlineData("resume", SessionAction.Resume)]
    [InlineData("end", SessionAction.End)]
    [InlineData("End", SessionAction.End)]
    public void Every_session_action_reads_by_its_name(string text, SessionAction expected)
    {
        Assert.True(ChairActions.TryParse(text, out SessionAction action));
        Assert.Equal(expected, action);
    }

    [Fact]
    public void Every_name_written_reads_back_as_the_same_action()
    {
        foreach (var action in Enum.GetValues<ItemAction>())
        {
            Assert.True(ChairActions.TryParse(ChairActions.NameOf(action), out ItemAction back));
            Assert.Equal(action, back);
        }
        foreach (var action in Enum.GetValues<SessionAction>())
        {
            Assert.True(ChairActions.TryParse(ChairActions.NameOf(action), out SessionAction back));
            Assert.Equal(action, back);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1")] // Enum.TryParse alone would read a number as an action
    [InlineData("99")]
    [InlineData("open,adopt")] // nor a list of flags
    [InlineData(" open")]
    [InlineData("take-up")]
    [InlineData("start")] // a session's action is not an item's
    [InlineData("ope")]
    public void Anything_else_is_not_an_item_action(string? text)
    {
        Assert.False(ChairActions.TryParse(text, out ItemAction _));
    }

    [Theory]
    [InlineData("open")]
    [InlineData("2")]
    [InlineData("startx")]
    public void Item_names_and_numbers_are_not_session_actions(string text)
    {
        Assert.False(ChairActions.TryParse(text, out SessionAction _));
    }

    [Fact]
    public void A_name_longer_than_any_action_is_refused_before_it_is_looked_up()
    {
        Assert.False(ChairActions.TryParse(new string('a', ChairActions.MaxLength + 1), out ItemAction _));
    }

    [Fact]
    public void The_refusal_names_what_was_sent_and_lists_the_actions_there_are()
    {
        Assert.Equal("Unknown item action \"fly\"; one of open, continue, conclude, adopt, defer, reopen.", ChairActions.UnknownItemAction("fly"));
        Assert.Equal("Unknown session action \"pause\"; one of start, suspend, resume, end.", ChairActions.UnknownSessionAction("pause"));
        Assert.Equal($"Unknown item action \"{new string('z', 40)}…\"; one of open, continue, conclude, adopt, defer, reopen.",
            ChairActions.UnknownItemAction(new string('z', 5000)));
    }
}
