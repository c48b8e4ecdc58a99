namespace MeetingOps.Domain.Import;

/// <summary>
/// Settles which items of different bodies are one joint item, and orders the meeting's items.
/// Evidence, strongest first: "For annotations on this item, see agenda item N of … [the other body]";
/// a "joint item" mark on either agenda with the same title on the other; and, under a joint item, sub-items
/// with the same number and title. Unmarked items with the same title stay separate ("Other matters" of two
/// bodies that sit apart are two items).
/// </summary>
internal static class JointItems
{
    /// <summary>Above this many candidates per body, titles are matched exactly only (bounded work on hostile input).</summary>
    private const int SimilarityScanLimit = 200;

    public static List<MergedItem> Merge(List<BodyDraft> bodies, WorkMeter meter, ImportLog log)
    {
        foreach (var body in bodies)
        {
            foreach (var item in body.AllItems())
            {
                var merged = new MergedItem();
                merged.Members.Add(item);
                item.Merged = merged;
            }
        }
        Pair(bodies, bodies.Select(b => b.Items).ToList(), parentJoint: false, meter, log);
        var result = Order(bodies.Select(b => b.Items).ToList(), meter);
        foreach (var merged in result)
        {
            Children(merged, bodies, meter, log);
        }
        foreach (var body in bodies)
        {
            foreach (var item in body.AllItems())
            {
                if (item.JointMark && item.Merged!.Members.Count == 1)
                {
                    log.Warn(item.Line, $"Item {item.Number} of the {body.Name} is marked as a joint item, but no item with the same title was found on another agenda; it is kept on this agenda only.",
                        ServerPhrases.ImportJointNoMatch.With(("number", item.Number), ("body", body.Name)));
                }
            }
        }
        return result;
    }

    private static void Children(MergedItem parent, List<BodyDraft> bodies, WorkMeter meter, ImportLog log)
    {
        var lists = bodies.Select(b => parent.For(b)?.Children ?? []).ToList();
        if (lists.All(l => l.Count == 0))
        {
            return;
        }
        if (parent.Members.Count > 1)
        {
            Pair(bodies, lists, parentJoint: true, meter, log);
        }
        parent.Children.AddRange(Order(lists, meter));
        foreach (var child in parent.Children)
        {
            Children(child, bodies, meter, log);
        }
    }

    private static void Pair(List<BodyDraft> bodies, List<List<ItemDraft>> lists, bool parentJoint, WorkMeter meter, ImportLog log)
    {
        // 1. Cross-references, in either direction.
        for (var b = 0; b < bodies.Count; b++)
        {
            foreach (var item in lists[b])
            {
                if (item.CrossReference is not { } reference || reference.Body == item.Body)
                {
                    continue;
                }
                var other = bodies.IndexOf(reference.Body);
                var target = reference.Body.ByNumber.GetValueOrDefault(reference.Number);
                if (other < 0 || target is null || !lists[other].Contains(target))
                {
                    if (target is null)
                    {
                        log.Warn(reference.Line, $"The annotation refers to item {reference.Number} of the {reference.Body.Name}, which is not on its agenda.",
                            ServerPhrases.ImportReferenceMissing.With(("number", reference.Number), ("body", reference.Body.Name)));
                    }
                    continue;
                }
                if (item.Merged == target.Merged)
                {
                    continue;
                }
                if (!TextTools.SameTitle(item.Title, target.Title))
                {
                    log.Warn(reference.Line, $"Item {item.Number} of the {item.Body.Name} refers to item {target.Number} of the {target.Body.Name} for its annotations but has another title; taken as one joint item all the same.",
                        ServerPhrases.ImportReferenceOtherTitle.With(("number", item.Number), ("body", item.Body.Name), ("target", target.Number), ("targetBody", target.Body.Name)));
                }
                Join(item, target, log);
            }
        }
        // 2. Joint marks (or a joint parent) with matching titles.
        for (var b = 1; b < bodies.Count; b++)
        {
            foreach (var item in lists[b])
            {
                meter.Charge(item.Title.Length);
                if (item.Merged!.Members.Count > 1 && !parentJoint)
                {
                    continue;
                }
                for (var a = 0; a < b; a++)
                {
                    if (item.Merged!.Has(bodies[a]))
                    {
                        continue;
                    }
                    var match = FindMatch(item, lists[a], parentJoint, meter);
                    if (match is not null)
                    {
                        Join(match, item, log);
                    }
                }
            }
        }
    }

    private static ItemDraft? FindMatch(ItemDraft item, List<ItemDraft> candidates, bool parentJoint, WorkMeter meter)
    {
        var key = item.Key;
        if (parentJoint)
        {
            // Under a joint item: the sub-item with the same number, when its title agrees.
            foreach (var c in candidates)
            {
                if (c.Letter == item.Letter && c.Letter is not null && c.Merged!.Members.Count == 1 && TextTools.SameTitle(c.Title, item.Title))
                {
                    return c;
                }
            }
        }
        foreach (var c in candidates)
        {
            meter.Charge(c.Title.Length);
            if ((c.JointMark || item.JointMark || parentJoint) && !c.Merged!.Has(item.Body) && c.Key == key)
            {
                return c;
            }
        }
        // Titles that differ a little ("meetings" and "meeting") only when both agendas mark the item joint.
        if (candidates.Count > SimilarityScanLimit || !item.JointMark)
        {
            return null;
        }
        foreach (var c in candidates)
        {
            meter.Charge(c.Title.Length + item.Title.Length);
            if (c.JointMark && !c.Merged!.Has(item.Body) && c.Merged!.Members.Count == 1 && TextTools.SameTitle(c.Title, item.Title))
            {
                return c;
            }
        }
        return null;
    }

    private static void Join(ItemDraft a, ItemDraft b, ImportLog log)
    {
        var into = a.Merged!;
        var from = b.Merged!;
        if (into == from)
        {
            return;
        }
        if (from.Members.Any(m => into.Has(m.Body)))
        {
            log.Warn(b.Line, $"Item {b.Number} of the {b.Body.Name} would join item {a.Number} of the {a.Body.Name}, which already has an item of that body; kept apart.",
                ServerPhrases.ImportJointKeptApart.With(("number", b.Number), ("body", b.Body.Name), ("target", a.Number), ("targetBody", a.Body.Name)));
            return;
        }
        foreach (var member in from.Members)
        {
            into.Members.Add(member);
            member.Merged = into;
        }
        into.Members.Sort((x, y) => x.Body.Order.CompareTo(y.Body.Order));
    }

    /// <summary>
    /// Orders the items of several agendas into one list that keeps each agenda's own order: a joint item
    /// comes after every item that precedes it on any of its agendas.
    /// </summary>
    private static List<MergedItem> Order(List<List<ItemDraft>> lists, WorkMeter meter)
    {
        var result = new List<MergedItem>();
        var emitted = new HashSet<MergedItem>();
        var inProgress = new HashSet<MergedItem>();
        var position = new int[lists.Count];
        var index = new Dictionary<ItemDraft, (int List, int At)>();
        for (var l = 0; l < lists.Count; l++)
        {
            for (var k = 0; k < lists[l].Count; k++)
            {
                index[lists[l][k]] = (l, k);
            }
        }

        void Emit(MergedItem merged)
        {
            if (emitted.Contains(merged) || !inProgress.Add(merged))
            {
                return;
            }
            meter.Charge(1);
            foreach (var member in merged.Members)
            {
                if (!index.TryGetValue(member, out var at))
                {
                    continue;
                }
                while (position[at.List] < at.At)
                {
                    var before = lists[at.List][position[at.List]];
                    position[at.List]++;
                    Emit(before.Merged!);
                }
            }
            inProgress.Remove(merged);
            if (emitted.Add(merged))
            {
                result.Add(merged);
            }
        }

        for (var l = 0; l < lists.Count; l++)
        {
            foreach (var item in lists[l])
            {
                Emit(item.Merged!);
            }
        }
        return result;
    }
}
