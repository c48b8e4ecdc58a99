namespace MeetingOps.Domain;

/// <summary>
/// The legal moves of an agenda item, and for every illegal one the reason a chair would understand.
/// <code>
/// pending ──open──► open ──continue──► continued ──open──► open
///    │               │ ├──conclude──► concluded ──reopen──► open
///    │               │ └──adopt─────► adopted   ──reopen──► open
///    └──defer──► deferred ◄──defer── open / continued
/// </code>
/// </summary>
public static class ItemStateMachine
{
    /// <summary>The status an action leads to from a status, or why it cannot.</summary>
    public static Decision<ItemStatus> Decide(ItemStatus from, ItemAction action, AgendaItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var label = item.Label;
        return (action, from) switch
        {
            (ItemAction.Open, ItemStatus.Pending or ItemStatus.Continued) => ItemStatus.Open,
            (ItemAction.Open, ItemStatus.Open) => Refuse(from, ItemStatus.Open, $"{Cap(label)} is already under consideration.", ServerPhrases.ItemAlreadyOpen.With(("item", item.Id))),
            (ItemAction.Open, ItemStatus.Concluded or ItemStatus.Adopted) =>
                Refuse(from, ItemStatus.Open, $"{Cap(label)} was {Word(from)}; reopen it if the body decides to take it up again.",
                    ServerPhrases.ItemWasClosed.With(("item", item.Id), ("status", from))),
            (ItemAction.Open, ItemStatus.Deferred) => Refuse(from, ItemStatus.Open, $"{Cap(label)} was deferred to a later meeting.", ServerPhrases.ItemWasDeferred.With(("item", item.Id))),

            (ItemAction.Continue, ItemStatus.Open) => ItemStatus.Continued,
            (ItemAction.Continue, _) => Refuse(from, ItemStatus.Continued, $"Only an item under consideration can be continued; {label} is {Word(from)}.",
                ServerPhrases.ItemContinueNotOpen.With(("item", item.Id), ("status", from))),

            (ItemAction.Conclude, ItemStatus.Open) => ItemStatus.Concluded,
            (ItemAction.Conclude, _) => Refuse(from, ItemStatus.Concluded, $"Only an item under consideration can be concluded; {label} is {Word(from)}. Take it up first.",
                ServerPhrases.ItemConcludeNotOpen.With(("item", item.Id), ("status", from))),

            (ItemAction.Adopt, ItemStatus.Open) when item.Adoptable => ItemStatus.Adopted,
            (ItemAction.Adopt, ItemStatus.Open) =>
                Refuse(from, ItemStatus.Adopted, $"Nothing is adopted under {label} (\"{item.Title}\"); conclude it instead.",
                    ServerPhrases.ItemNothingToAdopt.With(("item", item.Id))),
            (ItemAction.Adopt, _) => Refuse(from, ItemStatus.Adopted, $"Only an item under consideration can be adopted; {label} is {Word(from)}. Take it up first.",
                ServerPhrases.ItemAdoptNotOpen.With(("item", item.Id), ("status", from))),

            (ItemAction.Defer, ItemStatus.Pending or ItemStatus.Open or ItemStatus.Continued) => ItemStatus.Deferred,
            (ItemAction.Defer, ItemStatus.Deferred) => Refuse(from, ItemStatus.Deferred, $"{Cap(label)} is already deferred.", ServerPhrases.ItemAlreadyDeferred.With(("item", item.Id))),
            (ItemAction.Defer, _) => Refuse(from, ItemStatus.Deferred, $"{Cap(label)} was already {Word(from)}; it cannot be deferred.",
                ServerPhrases.ItemCannotDefer.With(("item", item.Id), ("status", from))),

            (ItemAction.Reopen, ItemStatus.Concluded or ItemStatus.Adopted) => ItemStatus.Open,
            (ItemAction.Reopen, _) => Refuse(from, ItemStatus.Open, $"Only a concluded or adopted item can be reopened; {label} is {Word(from)}.",
                ServerPhrases.ItemReopenNotClosed.With(("item", item.Id), ("status", from))),

            _ => Refuse(from, from, $"Unknown action {action}.", ServerPhrases.UnknownAction.With(("action", action))),
        };
    }

    /// <summary>The status words as people say them: "taken up", not "Open".</summary>
    public static string Word(ItemStatus status) => status switch
    {
        ItemStatus.Pending => "pending (not yet taken up)",
        ItemStatus.Open => "under consideration",
        ItemStatus.Continued => "continued",
        ItemStatus.Concluded => "concluded",
        ItemStatus.Adopted => "adopted",
        ItemStatus.Deferred => "deferred",
        _ => status.ToString(),
    };

    private static string Cap(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    private static Decision<ItemStatus> Refuse(ItemStatus from, ItemStatus to, string reason, ServerText text) =>
        new Refusal(RefusalKind.IllegalTransition, reason, MeetingOpsJson.Name(from), MeetingOpsJson.Name(to), Text: text);
}
