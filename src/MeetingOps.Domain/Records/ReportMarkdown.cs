using System.Text;
using static MeetingOps.Domain.Records.ReportEnglish;

namespace MeetingOps.Domain.Records;

/// <summary>
/// Writes the organization-of-work section of a report in the manner of UN meeting reports, from the facts alone:
/// numbered paragraphs, a section per body (its meetings, its opening, its own items) and one section for the items
/// the bodies considered jointly, each said once with both agenda numbers and both meeting numbers.
/// </summary>
public static class ReportMarkdown
{
    public static string Write(MeetingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var writer = new Writer(report);
        return writer.Write();
    }

    private sealed class Writer(MeetingReport report)
    {
        private readonly StringBuilder _text = new();
        private readonly Dictionary<string, BodyReport> _bodies = report.Bodies.ToDictionary(b => b.Id, StringComparer.Ordinal);
        private int _paragraph;

        public string Write()
        {
            var sections = report.Bodies.Count > 1 || report.JointItems.Count > 0;
            _text.Append(report.Bodies.Count > 1 ? "# Organization of the meetings\n" : "# Organization of the meeting\n");
            _text.Append($"\n<!-- Drawn from the audit log of meeting {report.MeetingId} at version {report.Version}; meetings are numbered per body in the order they were held. -->\n");
            var letter = 'A';
            foreach (var body in report.Bodies)
            {
                if (sections)
                {
                    _text.Append($"\n## {letter++}. {body.Name}\n");
                }
                WriteBody(body, report.JointItems.Count > 0 ? (char)('A' + report.Bodies.Count) : null);
            }
            if (report.JointItems.Count > 0)
            {
                _text.Append($"\n## {letter}. Joint meetings\n");
                WriteJoint();
            }
            return _text.ToString();
        }

        private void Paragraph(string text) => _text.Append($"\n{++_paragraph}. {text}\n");

        private void WriteBody(BodyReport body, char? jointSection)
        {
            var name = BodyNames.Full(body.Name);
            var self = BodyNames.Reference(body.Name);
            if (body.Sittings.Count == 0)
            {
                Paragraph($"{BodyNames.Capitalize(name)} has not yet held any meetings.");
                return;
            }

            var first = body.Sittings[0].Date;
            var last = body.Sittings[^1].Date;
            var held = body.Meeting is { Length: > 0 } ordinal ? $"held its {ordinal} meeting" : "met";
            var joint = body.Sittings.Where(s => s.Bodies.Count > 1)
                .GroupBy(s => string.Join(",", s.Bodies.Where(b => b != body.Id)), StringComparer.Ordinal)
                .Select(g => $"Its {Meetings(g.Select(s => s.Number))} {(g.Count() == 1 ? "was" : "were")} held jointly with {Partners(g.Key)}.")
                .ToList();
            // The days are named only when the body did not sit on every day of the span.
            var days = body.Sittings.Select(s => s.Date).Distinct().Count() == last.DayNumber - first.DayNumber + 1
                ? ""
                : $", on {Dates(body.Sittings.Select(s => s.Date))}";
            Paragraph($"{BodyNames.Capitalize(name)} {held} in {report.Venue} {Span(first, last)}. " +
                      $"It held {Count(body.Sittings.Count, "meeting", "meetings")}{days}." +
                      string.Concat(joint.Select(j => " " + j)));

            if (body.Opening is { } opening)
            {
                Paragraph($"The meeting was opened on {DayAndDate(opening.Date)}, at {TimeOfDay(TimeOnly.FromDateTime(opening.LocalTime))}, by {Opener(opening.OpenedBy)}.");
            }

            foreach (var item in body.Items)
            {
                Paragraph(ItemParagraph(item, [body.Id]));
            }

            var jointItems = report.JointItems.Where(i => i.Bodies.Contains(body.Id) && i.Considered.Count > 0).ToList();
            if (jointItems.Count > 0 && jointSection is { } section)
            {
                foreach (var group in jointItems.GroupBy(i => string.Join(",", i.Bodies.Where(b => b != body.Id)), StringComparer.Ordinal))
                {
                    var numbers = group.Select(i => i.Numbers[body.Id]).ToList();
                    Paragraph($"{BodyNames.Capitalize(self)} considered agenda {(numbers.Count == 1 ? "item" : "items")} {List(numbers)} jointly with {Partners(group.Key)} (see section {section} below).");
                }
            }
        }

        private void WriteJoint()
        {
            foreach (var group in report.JointItems.GroupBy(i => string.Join(",", i.Bodies), StringComparer.Ordinal))
            {
                var bodies = group.First().Bodies;
                var sittings = report.Bodies.Where(b => bodies.Contains(b.Id)).SelectMany(b => b.Sittings)
                    .Where(s => bodies.All(s.Bodies.Contains)).DistinctBy(s => s.SessionId).ToList();
                if (sittings.Count > 0)
                {
                    Paragraph($"{BodyNames.Capitalize(Names(bodies))} held {Count(sittings.Count, "joint meeting", "joint meetings")}, on {Dates(sittings.Select(s => s.Date))}.");
                }
                foreach (var item in group)
                {
                    Paragraph(ItemParagraph(item, bodies));
                }
            }
        }

        /// <summary>One item's paragraph: where it was considered, then how it ended (adopted, deferred, still under consideration).</summary>
        private string ItemParagraph(ItemRecord item, IReadOnlyList<string> bodies)
        {
            var joint = bodies.Count > 1;
            var subject = joint ? Plural(bodies) : BodyNames.Reference(_bodies[bodies[0]].Name);
            var numbers = bodies.Select(b => item.Numbers[b]).ToList();
            var itemWords = joint && numbers.Distinct().Count() > 1
                ? $"their agenda items {List(numbers)}, respectively, \"{item.Title}\","
                : $"agenda item {numbers[0]}, \"{item.Title}\",";
            var sentences = new List<string>();

            if (item.Considered.Count > 0)
            {
                var verb = joint ? "jointly considered" : "considered";
                sentences.Add($"{BodyNames.Capitalize(subject)} {verb} {itemWords} {At(item.Considered, bodies, possessive: joint ? "their" : "its")}.");
            }

            var further = item.Considered.Count > 0 ? "further " : "";
            switch (item.Status)
            {
                case ItemStatus.Pending:
                    sentences.Add($"{BodyNames.Capitalize(subject)} {(joint ? "have" : "has")} not yet taken up {itemWords.TrimEnd(',')}.");
                    break;
                case ItemStatus.Open:
                    var current = item.Considered.Count > 0 ? item.Considered[^1] : null;
                    sentences.Add(current is null
                        ? "The item is under consideration."
                        : $"The item is under consideration at the {MeetingNumbers(current, bodies)}.");
                    break;
                case ItemStatus.Continued:
                    sentences.Add($"{BodyNames.Capitalize(subject)} will continue {(joint ? "their" : "its")} consideration of the item.");
                    break;
                case ItemStatus.Adopted:
                    sentences.Add($"{When(item, bodies)}{subject} {Adopted(item, bodies)}.");
                    break;
                case ItemStatus.Deferred when item.Considered.Count == 0:
                    sentences.Add($"{When(item, bodies)}{subject} decided to defer consideration of {itemWords} to a future meeting.");
                    break;
                case ItemStatus.Deferred:
                    sentences.Add($"{When(item, bodies)}{subject} decided to defer {further}consideration of the item to a future meeting.");
                    break;
                case ItemStatus.Concluded:
                    break; // "considered at …" says it all
            }
            return string.Join(" ", sentences.Select(BodyNames.Capitalize));
        }

        /// <summary>"At its 6th meeting, on 27 May 2022, " or "At the same meeting, " when that is the one meeting named just before.</summary>
        private string When(ItemRecord item, IReadOnlyList<string> bodies)
        {
            if (item.Outcome is not { } outcome)
            {
                return "";
            }
            if (item.Considered.Count == 1 && item.Considered[0].SessionId == outcome.SessionId)
            {
                return "At the same meeting, ";
            }
            return $"{At([outcome], bodies, possessive: bodies.Count > 1 ? "their" : "its", capital: true)}, ";
        }

        /// <summary>What adopting the item means, by what the item is for.</summary>
        private string Adopted(ItemRecord item, IReadOnlyList<string> bodies)
        {
            var joint = bodies.Count > 1;
            var organization = item.Title.Contains("organization of work", StringComparison.OrdinalIgnoreCase) ? " and organization of work" : "";
            switch (item.Kind)
            {
                case ItemKind.Agenda:
                    return joint ? $"adopted their respective agendas{organization}" : $"adopted its agenda{organization}";
                case ItemKind.Report when joint:
                    var ordinals = bodies.Select(b => _bodies[b].Meeting).Distinct().ToList();
                    var jointWord = item.Title.Contains("joint", StringComparison.OrdinalIgnoreCase) ? "joint report" : "report";
                    return ordinals is [{ Length: > 0 } same] ? $"adopted the {jointWord} on their {same} meetings" : $"adopted their {jointWord}";
                case ItemKind.Report:
                    return _bodies[bodies[0]].Meeting is { Length: > 0 } ordinal ? $"adopted the report on its {ordinal} meeting" : "adopted its report";
                case ItemKind.Substantive when item.Title.Contains("recommendations", StringComparison.OrdinalIgnoreCase):
                    return "adopted the recommendations under the item";
                default:
                    return "took action on the item";
            }
        }

        /// <summary>
        /// "at its 1st and 2nd meetings, on 23 May 2022"; for joint meetings numbered alike, "at their 1st meetings, on …";
        /// numbered differently, "at their joint meetings on 24 May 2022 (the 3rd and 4th meetings of A and the 2nd and 3rd meetings of B)".
        /// </summary>
        private string At(IReadOnlyList<SittingReference> sittings, IReadOnlyList<string> bodies, string possessive, bool capital = false)
        {
            var at = capital ? "At" : "at";
            var dates = Dates(sittings.Select(s => s.Date));
            var perBody = bodies.Select(b => Meetings(sittings.Select(s => s.Meetings[b]))).ToList();
            if (perBody.Distinct().Count() == 1)
            {
                return $"{at} {possessive} {perBody[0]}, on {dates}";
            }
            var noun = sittings.Count == 1 ? "joint meeting" : "joint meetings";
            var which = bodies.Select((b, i) => $"the {perBody[i]} of {BodyNames.Full(_bodies[b].Name)}").ToList();
            return $"{at} {possessive} {noun} on {dates} ({List(which)})";
        }

        /// <summary>"3rd meeting" or, for a joint sitting numbered differently, "joint meeting (the 3rd meeting of A and the 2nd meeting of B)".</summary>
        private string MeetingNumbers(SittingReference sitting, IReadOnlyList<string> bodies)
        {
            var perBody = bodies.Select(b => Meetings([sitting.Meetings[b]])).ToList();
            if (perBody.Distinct().Count() == 1)
            {
                return perBody[0];
            }
            return "joint meeting (" + List(bodies.Select((b, i) => $"the {perBody[i]} of {BodyNames.Full(_bodies[b].Name)}").ToList()) + ")";
        }

        private string Partners(string ids) => List(ids.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => BodyNames.Full(_bodies[id].Name)).ToList());

        private string Names(IReadOnlyList<string> bodies) => List(bodies.Select(b => BodyNames.Full(_bodies[b].Name)).ToList());

        /// <summary>"the Working Groups" when the bodies are all called so for short; else their full names.</summary>
        private string Plural(IReadOnlyList<string> bodies)
        {
            var references = bodies.Select(b => BodyNames.Reference(_bodies[b].Name)).Distinct().ToList();
            return references.Count == 1 ? references[0] + "s" : Names(bodies);
        }

        private static string Opener(Actor actor) => (actor.Role, actor.Name) switch
        {
            (Role.Chair, null) => "the Chair",
            (Role.Chair, { } name) => $"the Chair, {name}",
            (Role.Organizer, null) => "the secretariat",
            (Role.Organizer, { } name) => $"{name}, for the secretariat",
            (_, { } name) => name,
            _ => "MeetingOps",
        };
    }
}
