using static MeetingOps.Domain.Records.ReportEnglish;

namespace MeetingOps.Domain.Records;

/// <summary>The item paragraphs: where an item was considered and how it ended, for one body or jointly.</summary>
public static partial class ReportMarkdown
{
    private sealed partial class Writer
    {
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

            if (item.Statements is { } statements)
            {
                sentences.Add(statements);
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
    }
}
