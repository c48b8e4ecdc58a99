using System.Text;
using static MeetingOps.Domain.Records.ReportEnglish;

namespace MeetingOps.Domain.Records;

/// <summary>
/// Writes the organization-of-work section of a report in the manner of UN meeting reports, from the facts alone:
/// numbered paragraphs, a section per body (its meetings, its opening, its own items) and one section for the items
/// the bodies considered jointly, each said once with both agenda numbers and both meeting numbers.
/// This file: the sections, the meetings held and the opening. The item paragraphs: ReportMarkdown.Items.cs.
/// </summary>
public static partial class ReportMarkdown
{
    public static string Write(MeetingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var writer = new Writer(Escaped(report));
        return writer.Write();
    }

    private sealed partial class Writer(MeetingReport report)
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

        /// <summary>Who opened the meeting, from the actor of its first sitting's start.</summary>
        private static string Opener(Actor actor) => (actor.Role, actor.Name) switch
        {
            (Role.Chair, null) => "the Chair",
            (Role.Chair, { } name) => $"the Chair, {name}",
            (Role.Organizer, null) => "the secretariat",
            (Role.Organizer, { } name) => $"{name}, for the secretariat",
            (_, { } name) => name,
            _ => "MeetingOps",
        };

        private void Paragraph(string text) => _text.Append($"\n{++_paragraph}. {text}\n");

        private void WriteBody(BodyReport body, char? jointSection)
        {
            var name = BodyNames.Full(body.Name);
            var self = BodyNames.Reference(body.Name);
            if (body.Sittings.Count == 0)
            {
                Paragraph($"{BodyNames.Capitalize(name)} has not yet held any meetings.");
                WriteOfficers(body);
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
            WriteOfficers(body);

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

        /// <summary>
        /// The officers, as a UN report lists them: a paragraph introducing them, then one line per office (Vice-Chairs
        /// one per line under a plural title), so the list reads the same in the document and in the Markdown.
        /// </summary>
        private void WriteOfficers(BodyReport body)
        {
            var o = body.Officers;
            var viceChairs = o?.ViceChairs?.Where(v => !string.IsNullOrWhiteSpace(v)).ToList() ?? [];
            if (o is null || (string.IsNullOrWhiteSpace(o.Chair) && viceChairs.Count == 0 && string.IsNullOrWhiteSpace(o.Rapporteur)))
            {
                return;
            }
            Paragraph($"The officers of {BodyNames.Reference(body.Name)} were as follows:");
            var lines = new List<string>();
            if (!string.IsNullOrWhiteSpace(o.Chair))
            {
                lines.Add($"Chair: {o.Chair.Trim()}");
            }
            if (viceChairs.Count > 0)
            {
                lines.Add($"{(viceChairs.Count == 1 ? "Vice-Chair" : "Vice-Chairs")}: {string.Join("; ", viceChairs.Select(v => v.Trim()))}");
            }
            if (!string.IsNullOrWhiteSpace(o.Rapporteur))
            {
                lines.Add($"Rapporteur: {o.Rapporteur.Trim()}");
            }
            // One line per office, joined by hard line breaks: a list under the paragraph, not a paragraph of its own.
            _text.Append('\n').Append(string.Join("  \n", lines)).Append('\n');
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
    }
}
