using System.Text.Json;
using CsCheck;
using MeetingOps.Domain;
using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Planning;

namespace MeetingOps.Planning.Tests;

/// <summary>A generated meeting and a re-plan request for it; the strategy is the test's to choose.</summary>
public sealed record GeneratedMeeting(MeetingDefinition Definition, Meeting Meeting, PlanRequest Request)
{
    public PlanRequest With(PlanStrategy strategy) => Request with { Strategy = strategy };

    /// <summary>What CsCheck prints for a failing case: the definition and request as JSON, enough to reproduce it.</summary>
    public override string ToString() =>
        JsonSerializer.Serialize(new { definition = Definition, request = Request }, MeetingOpsJson.Options);
}

/// <summary>
/// Meetings shaped like the ones a secretariat plans: 1–4 bodies; organizational matters with the opening and the
/// adoption of the agenda as sub-items (joint or per body); substantive items on one body or joint, some with
/// sub-items; other matters and the adoption of the report last. 2–40 sessions of 60–240 minutes, morning and
/// afternoon, some sitting in parallel for different bodies, and an organization of work that plans the items in
/// agenda order. The request makes some sessions hybrid (default or random caps of 30–180 minutes, some moving
/// their start), adds up to two extra sittings, and gives random estimates and a random floor.
/// </summary>
public static class GeneratedMeetings
{
    private static readonly DateOnly FirstDay = new(2030, 6, 3);

    private sealed record ItemShape(int Kind, int BodyMask, int SubItems, int Span);

    private sealed record SessionShape(int Length, int BodyMask, bool Parallel, int Change, int Cap, int Shift);

    private static readonly Gen<ItemShape> Item =
        Gen.Select(Gen.Int[0, 9], Gen.Int[1, 15], Gen.Int[0, 2], Gen.Int[1, 3], (kind, mask, subItems, span) => new ItemShape(kind, mask, subItems, span));

    private static readonly Gen<SessionShape> Sitting =
        Gen.Select(Gen.Int[60, 240], Gen.Int[0, 15], Gen.Int[0, 4], Gen.Int[0, 4], Gen.Int[30, 180], Gen.Int[0, 12],
            (length, mask, parallel, change, cap, shift) => new SessionShape(length, mask, parallel == 0, change, cap, shift));

    /// <summary>Mostly the usual floors; one time in four a floor so high that even the floors may not fit.</summary>
    private static readonly Gen<int> Floor = Gen.Frequency((3, Gen.Int[0, 60]), (1, Gen.Int[60, 400]));

    private static readonly Gen<GeneratedMeeting> Plain =
        Gen.Select(Gen.Int[1, 4], Item.Array[1, 14], Sitting.Array[2, 40], Gen.Select(Gen.Int[0, 1000], Gen.Int[1, 300]).Array[0, 4],
            Floor, Sitting.Array[0, 2], Gen.Bool, Gen.Bool, Build);

    /// <summary>
    /// The plain meetings, some with hand pins (an item into a sitting where its bodies sit, with or without minutes), one in
    /// four with a daily interpretation quota, some told to scale the officer's estimates. Pins the planner would refuse
    /// (more minutes than the sitting offers) are left out, so every request is one the planner must plan.
    /// </summary>
    public static Gen<GeneratedMeeting> Meeting { get; } =
        Gen.Select(Plain, Gen.Select(Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Int[0, 60]).Array[0, 3],
            Gen.Frequency((3, Gen.Const(0)), (1, Gen.Int[30, 600])), Gen.Frequency((3, Gen.Const(false)), (1, Gen.Const(true))), WithPins);

    private static GeneratedMeeting WithPins(GeneratedMeeting plain, (int Item, int Session, int Minutes)[] pins, int quota, bool scale)
    {
        var meeting = plain.Meeting;
        var request = plain.Request with { InterpretationMinutesPerDay = quota == 0 ? null : quota, ScaleEstimates = scale };
        var plannedIds = meeting.Sessions.SelectMany(s => s.Planned).Select(p => p.Item).Distinct().ToList();
        var sittings = meeting.Sessions.Select(s => (s.Id, s.Bodies)).Concat((request.ExtraSessions ?? []).Select(e => (e.Id, e.Bodies))).ToList();
        var chosen = new List<Pin>();
        foreach (var (pickItem, pickSession, minutes) in pins)
        {
            if (plannedIds.Count == 0)
            {
                break;
            }
            var item = meeting.FindItem(plannedIds[pickItem % plannedIds.Count])!;
            var where = sittings.Where(s => item.Numbers.Keys.All(s.Bodies.Contains)).ToList();
            if (where.Count == 0)
            {
                continue;
            }
            var pin = new Pin(item.Id, where[pickSession % where.Count].Id, minutes == 0 ? null : minutes);
            if (chosen.Any(p => p.Item == pin.Item && p.Session == pin.Session))
            {
                continue;
            }
            var attempt = request with { Pins = [.. chosen, pin] };
            if (SchedulePlanner.Check(meeting, attempt).Count == 0)
            {
                chosen.Add(pin);
            }
        }
        return plain with { Request = request with { Pins = chosen } };
    }

    private static GeneratedMeeting Build(int bodyCount, ItemShape[] itemShapes, SessionShape[] sessionShapes, (int Pick, int Minutes)[] estimates,
        int floor, SessionShape[] extraShapes, bool jointOpening, bool jointClosing)
    {
        var all = (1 << bodyCount) - 1;
        var bodies = Enumerable.Range(1, bodyCount).Select(i => new BodyDefinition($"b{i}", $"Working group {i}", $"X/WG.{i}")).ToList();
        var next = new int[bodyCount];
        var plannable = new List<(string Id, int Mask, int Span)>();

        Dictionary<string, string> Number(int mask, string? suffix = null)
        {
            var numbers = new Dictionary<string, string>();
            for (var b = 0; b < bodyCount; b++)
            {
                if ((mask & (1 << b)) != 0)
                {
                    numbers[$"b{b + 1}"] = suffix is null ? (++next[b]).ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{next[b]} {suffix}";
                }
            }
            return numbers;
        }
        IEnumerable<int> Masks(bool joint) => joint || bodyCount == 1 ? [all] : Enumerable.Range(0, bodyCount).Select(b => 1 << b);

        var items = new List<ItemDefinition>();
        var k = 0;
        foreach (var mask in Masks(jointOpening))
        {
            k++;
            var numbers = Number(mask);
            var opening = new ItemDefinition($"opening-{k}", Number(mask, "(a)"), "Opening of the meeting", ItemKind.Opening);
            var agenda = new ItemDefinition($"agenda-{k}", Number(mask, "(b)"), "Adoption of the agenda and organization of work", ItemKind.Agenda);
            items.Add(new ItemDefinition($"organizational-{k}", numbers, "Organizational matters", ItemKind.Organizational, SubItems: [opening, agenda]));
            plannable.Add((opening.Id, mask, 1));
            plannable.Add((agenda.Id, mask, 1));
        }
        for (var i = 0; i < itemShapes.Length; i++)
        {
            var shape = itemShapes[i];
            var mask = shape.BodyMask & all;
            mask = mask == 0 ? 1 << (i % bodyCount) : mask;
            var id = $"item-{i + 1}";
            var numbers = Number(mask);
            if (shape.SubItems == 0)
            {
                items.Add(new ItemDefinition(id, numbers, $"Substantive item {i + 1}"));
                plannable.Add((id, mask, shape.Span));
                continue;
            }
            var subItems = Enumerable.Range(0, shape.SubItems)
                .Select(s => new ItemDefinition($"{id}-{(char)('a' + s)}", Number(mask, $"({(char)('a' + s)})"), $"Sub-item {(char)('a' + s)} of item {i + 1}"))
                .ToList();
            items.Add(new ItemDefinition(id, numbers, $"Substantive item {i + 1}", SubItems: subItems));
            if (shape.Kind < 2)
            {
                // Some organizations of work plan the heading, not its sub-items.
                plannable.Add((id, mask, shape.Span));
            }
            else
            {
                plannable.AddRange(subItems.Select(s => (s.Id, mask, shape.Span)));
            }
        }
        k = 0;
        foreach (var mask in Masks(jointClosing))
        {
            k++;
            items.Add(new ItemDefinition($"other-matters-{k}", Number(mask), "Other matters", ItemKind.OtherMatters));
            items.Add(new ItemDefinition($"report-{k}", Number(mask), "Adoption of the report", ItemKind.Report));
            plannable.Add(($"other-matters-{k}", mask, 1));
            plannable.Add(($"report-{k}", mask, 2));
        }

        // Sessions: morning (09:00) and afternoon (15:00) slots on consecutive days; some share a slot with a session of the other bodies.
        var sessionMasks = new List<int>();
        var slots = new List<int>();
        var slot = -1;
        foreach (var shape in sessionShapes)
        {
            var mask = shape.BodyMask & all;
            mask = mask == 0 ? all : mask;
            var previous = sessionMasks.Count > 0 ? sessionMasks[^1] : all;
            var sharedSlot = slots.Count > 0 && slots.Count(s => s == slot) == 1;
            if (shape.Parallel && sharedSlot && (all & ~previous) != 0)
            {
                mask = all & ~previous;
            }
            else
            {
                slot++;
            }
            sessionMasks.Add(mask);
            slots.Add(slot);
        }
        var lastDay = slot / 2;
        var sessions = new List<SessionDefinition>();
        var planned = sessionMasks.Select(_ => new List<PlannedItem>()).ToList();
        var cursor = new int[bodyCount];
        foreach (var (id, mask, span) in plannable)
        {
            var from = Enumerable.Range(0, bodyCount).Where(b => (mask & (1 << b)) != 0).Max(b => cursor[b]);
            var eligible = Enumerable.Range(from, sessionMasks.Count - from).Where(s => (sessionMasks[s] & mask) == mask).Take(span).ToList();
            for (var e = 0; e < eligible.Count; e++)
            {
                planned[eligible[e]].Add(new PlannedItem(id, Continued: e > 0));
            }
            if (eligible.Count > 0)
            {
                for (var b = 0; b < bodyCount; b++)
                {
                    if ((mask & (1 << b)) != 0)
                    {
                        cursor[b] = eligible[^1];
                    }
                }
            }
        }

        var changes = new Dictionary<string, SessionChange>();
        for (var s = 0; s < sessionShapes.Length; s++)
        {
            var shape = sessionShapes[s];
            var (start, id) = SlotStart(slots[s], s);
            sessions.Add(new SessionDefinition(id, start, start.AddMinutes(shape.Length), BodyIds(sessionMasks[s], bodyCount), planned[s]));
            if (Change(shape, start) is { } change)
            {
                changes[id] = change;
            }
        }

        var extras = new List<ExtraSession>();
        for (var x = 0; x < extraShapes.Length; x++)
        {
            var shape = extraShapes[x];
            var mask = shape.BodyMask & all;
            var (start, _) = SlotStart(2 * (lastDay + 1) + x, x);
            var change = Change(shape, start);
            extras.Add(new ExtraSession($"extra-{x + 1}", start, start.AddMinutes(shape.Length), BodyIds(mask == 0 ? all : mask, bodyCount),
                change?.Format ?? SessionFormat.InPerson, change?.CapMinutes));
        }

        var definition = new MeetingDefinition("Generated meeting", "Vienna", "Europe/Vienna", FirstDay, FirstDay.AddDays(lastDay + 1), bodies, items, sessions);
        var result = DefinitionValidator.Validate(definition);
        if (!result.IsValid)
        {
            throw new InvalidOperationException("The generator made an invalid meeting: " + string.Join("; ", result.Problems));
        }
        var plannedIds = planned.SelectMany(p => p).Select(p => p.Item).Distinct().ToList();
        var estimateMap = new Dictionary<string, int>();
        foreach (var (pick, minutes) in estimates)
        {
            if (plannedIds.Count > 0)
            {
                estimateMap.TryAdd(plannedIds[pick % plannedIds.Count], minutes);
            }
        }
        var request = new PlanRequest(PlanStrategy.Reflow, changes, estimateMap, extras, floor);
        return new GeneratedMeeting(definition, result.Meeting!, request);
    }

    private static (DateTime Start, string Id) SlotStart(int slot, int index)
    {
        var day = FirstDay.AddDays(slot / 2);
        var start = day.ToDateTime(new TimeOnly(slot % 2 == 0 ? 9 : 15, 0));
        return (start, $"{day:yyyy-MM-dd}-{(slot % 2 == 0 ? "am" : "pm")}-{index + 1}");
    }

    /// <summary>0–1: unchanged; 2: hybrid at the default cap; 3: hybrid at a random cap; 4: also moved (mornings 08:00–11:00, afternoons 15:00–17:00).</summary>
    private static SessionChange? Change(SessionShape shape, DateTime start) => shape.Change switch
    {
        2 => new SessionChange(SessionFormat.Hybrid),
        3 => new SessionChange(SessionFormat.Hybrid, shape.Cap),
        4 => new SessionChange(SessionFormat.Hybrid, shape.Cap,
            TimeOnly.FromDateTime(start).AddMinutes(start.Hour < 12 ? shape.Shift * 15 - 60 : shape.Shift * 10)),
        _ => null,
    };

    private static List<string> BodyIds(int mask, int bodyCount) =>
        Enumerable.Range(0, bodyCount).Where(b => (mask & (1 << b)) != 0).Select(b => $"b{b + 1}").ToList();
}
