using MeetingOps.Domain.Amendments;
using MeetingOps.Domain.Definition;

namespace MeetingOps.Domain.Tests.Amendments;

/// <summary>What the secretariat changed, worked out from two definitions; and what the record forbids.</summary>
public class DefinitionAmendmentsTests
{
    private static readonly MeetingDefinition Vienna = DefinitionReader.Parse(System.Text.Encoding.UTF8.GetBytes(Samples.Text(Samples.Vienna2022))).Definition!;

    private static ItemDefinition Item(MeetingDefinition d, string id) => d.Items.Single(i => i.Id == id);

    private static MeetingDefinition ReplaceItem(MeetingDefinition d, string id, Func<ItemDefinition, ItemDefinition> change) =>
        d with { Items = d.Items.Select(i => i.Id == id ? change(i) : i).ToList() };

    private static readonly Actor Officer = new(Role.Organizer, "Conference officer");

    [Fact]
    public void The_same_definition_gives_no_amendments() => Assert.Empty(DefinitionAmendments.Diff(Vienna, Vienna with { }));

    [Fact]
    public void A_renamed_item_is_one_amendment_from_the_old_title_to_the_new()
    {
        var after = ReplaceItem(Vienna, "other-matters", i => i with { Title = "Other matters, including the date of the next meeting" });
        var amendment = Assert.Single(DefinitionAmendments.Diff(Vienna, after));
        Assert.Equal(new Amendment(DefinitionAmendments.ItemRenamed, "other-matters", null, null, "Other matters", "Other matters, including the date of the next meeting"), amendment);
    }

    [Fact]
    public void A_late_document_is_a_document_added_to_its_item_and_a_corrected_title_a_document_changed()
    {
        var withPaper = ReplaceItem(Vienna, "transfer-of-sentenced-persons",
            i => i with { Documents = [.. i.Documents ?? [], new DocumentReference(["CTOC/COP/WG.3/2022/CRP.1"], "Conference room paper")] });
        var added = Assert.Single(DefinitionAmendments.Diff(Vienna, withPaper));
        Assert.Equal((DefinitionAmendments.DocumentAdded, "transfer-of-sentenced-persons"), (added.Action, added.ItemId));
        Assert.Contains("CTOC/COP/WG.3/2022/CRP.1", added.To, StringComparison.Ordinal);

        var corrected = ReplaceItem(withPaper, "transfer-of-sentenced-persons",
            i => i with { Documents = i.Documents!.Select(d => d.Symbols[0] == "CTOC/COP/WG.3/2022/CRP.1" ? d with { Title = "Conference room paper (revised)" } : d).ToList() });
        var changed = Assert.Single(DefinitionAmendments.Diff(withPaper, corrected));
        Assert.Equal(DefinitionAmendments.DocumentChanged, changed.Action);
        Assert.Contains("(revised)", changed.To, StringComparison.Ordinal);
    }

    [Fact]
    public void Renumbering_moving_adding_and_removing_items_are_each_named()
    {
        var items = Vienna.Items.ToList();
        // Swap two items, renumber one, add one, remove one.
        var a = items.FindIndex(i => i.Id == "matters-pertaining-to-the-mechanism");
        var b = items.FindIndex(i => i.Id == "other-matters");
        (items[a], items[b]) = (items[b], items[a]);
        items[b] = items[b] with { Numbers = new Dictionary<string, string> { ["wg3"] = "9" } };
        items.Add(new ItemDefinition("late-item", new Dictionary<string, string> { ["wg3"] = "10" }, "A late item"));
        items.RemoveAll(i => i.Id == "joint-report");
        var amendments = DefinitionAmendments.Diff(Vienna, Vienna with { Items = items });

        Assert.Contains(amendments, x => x is { Action: DefinitionAmendments.ItemMoved, ItemId: "other-matters" });
        Assert.Contains(amendments, x => x is { Action: DefinitionAmendments.ItemMoved, ItemId: "matters-pertaining-to-the-mechanism" });
        Assert.Contains(amendments, x => x is { Action: DefinitionAmendments.ItemRenumbered, ItemId: "matters-pertaining-to-the-mechanism", To: "wg3 9" });
        Assert.Contains(amendments, x => x is { Action: DefinitionAmendments.ItemAdded, ItemId: "late-item", To: "wg3 10 A late item" });
        Assert.Contains(amendments, x => x is { Action: DefinitionAmendments.ItemRemoved, ItemId: "joint-report" });
        // Removing the last item moves none of the others.
        Assert.DoesNotContain(amendments, x => x.Action == DefinitionAmendments.ItemMoved && x.ItemId is not ("other-matters" or "matters-pertaining-to-the-mechanism"));
    }

    [Fact]
    public void A_sub_item_moved_under_another_item_is_moved()
    {
        var parent = Item(Vienna, "organizational-matters");
        var opening = parent.SubItems!.Single(s => s.Id == "opening");
        var after = Vienna with
        {
            Items = Vienna.Items.Select(i => i.Id == "organizational-matters" ? i with { SubItems = i.SubItems!.Where(s => s.Id != "opening").ToList() }
                : i.Id == "other-matters" ? i with { SubItems = [opening] } : i).ToList(),
        };
        var moved = Assert.Single(DefinitionAmendments.Diff(Vienna, after), x => x.Action == DefinitionAmendments.ItemMoved && x.ItemId == "opening");
        Assert.Equal("under other-matters, position 1", moved.To);
    }

    [Fact]
    public void Sittings_added_moved_cancelled_and_changed()
    {
        var sessions = Vienna.Sessions.ToList();
        var first = sessions[0];
        sessions[0] = first with { Start = first.Start.AddMinutes(30) };
        sessions[1] = sessions[1] with { Format = SessionFormat.Hybrid };
        var cancelled = sessions[^1];
        sessions.RemoveAt(sessions.Count - 1);
        sessions.Add(new SessionDefinition("extra-evening", first.Start.Date.AddHours(18), first.Start.Date.AddHours(20), first.Bodies, []));
        var amendments = DefinitionAmendments.Diff(Vienna, Vienna with { Sessions = sessions });

        Assert.Contains(amendments, x => x is { Action: DefinitionAmendments.SittingMoved } && x.SessionId == first.Id);
        Assert.Contains(amendments, x => x is { Action: DefinitionAmendments.SittingChanged } && x.SessionId == sessions[1].Id && x.To.Contains("hybrid", StringComparison.Ordinal));
        Assert.Contains(amendments, x => x is { Action: DefinitionAmendments.SittingCancelled } && x.SessionId == cancelled.Id);
        Assert.Contains(amendments, x => x is { Action: DefinitionAmendments.SittingAdded, SessionId: "extra-evening" });
    }

    [Fact]
    public void Body_renamed_and_officers_elected()
    {
        var after = Vienna with
        {
            Bodies = Vienna.Bodies.Select(b => b.Id == "wg3"
                ? b with { Name = b.Name + " (renamed)", Officers = new BodyOfficers("Ms. A", ["Mr. B", "Ms. C"], "Mr. D") }
                : b).ToList(),
        };
        var amendments = DefinitionAmendments.Diff(Vienna, after);
        Assert.Contains(amendments, x => x is { Action: DefinitionAmendments.BodyRenamed, BodyId: "wg3" });
        var officers = Assert.Single(amendments, x => x.Action == DefinitionAmendments.OfficersChanged);
        Assert.Equal("Chair: Ms. A; Vice-Chairs: Mr. B, Ms. C; Rapporteur: Mr. D", officers.To);
    }

    [Fact]
    public void An_item_or_sitting_with_history_cannot_be_removed_and_a_sitting_in_progress_cannot_be_moved()
    {
        var meeting = DefinitionValidator.Validate(Vienna).Meeting!;
        var at = DateTimeOffset.Parse("2022-05-23T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var start = new LogEntry(1, at, "c1", Officer, ChangeSubject.Session, null, "2022-05-23-am", "start", "scheduled", "inProgress");
        var open = new LogEntry(2, at, "c2", Officer, ChangeSubject.Item, "opening", "2022-05-23-am", "open", "pending", "open");
        var log = new[] { start, open };
        var live = LiveState.Initial(meeting).Apply(log);

        var removeOpening = new Amendment(DefinitionAmendments.ItemRemoved, "opening", null, null, "wg3 1 (a) Opening", "");
        var refusal = DefinitionAmendments.Protect([removeOpening], live, log);
        Assert.Equal(RefusalKind.Conflict, refusal?.Kind);
        Assert.Contains("\"opening\"", refusal!.Reason, StringComparison.Ordinal);

        var cancelSitting = new Amendment(DefinitionAmendments.SittingCancelled, null, "2022-05-23-am", null, "x", "");
        Assert.Contains("\"2022-05-23-am\"", DefinitionAmendments.Protect([cancelSitting], live, log)!.Reason, StringComparison.Ordinal);

        var moveSitting = new Amendment(DefinitionAmendments.SittingMoved, null, "2022-05-23-am", null, "a", "b");
        Assert.Contains("in progress", DefinitionAmendments.Protect([moveSitting], live, log)!.Reason, StringComparison.Ordinal);

        // Without history both are allowed.
        var untouched = new Amendment(DefinitionAmendments.ItemRemoved, "joint-report", null, null, "x", "");
        var laterSitting = new Amendment(DefinitionAmendments.SittingMoved, null, "2022-05-24-am", null, "a", "b");
        Assert.Null(DefinitionAmendments.Protect([untouched, laterSitting], live, log));
    }

    [Fact]
    public void The_entries_share_one_version_and_one_command()
    {
        var after = ReplaceItem(Vienna, "other-matters", i => i with { Title = "Other business", Numbers = new Dictionary<string, string> { ["wg3"] = "7" } });
        var entries = DefinitionAmendments.Entries(DefinitionAmendments.Diff(Vienna, after), Officer, DateTimeOffset.UnixEpoch, "put-1", 12);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal((12L, "put-1", ChangeSubject.Amendment, "other-matters"), (e.Version, e.CommandId, e.Subject, e.ItemId)));
    }
}
