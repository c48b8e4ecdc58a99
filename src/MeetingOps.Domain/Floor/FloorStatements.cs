namespace MeetingOps.Domain.Floor;

/// <summary>
/// Who made statements on an item, in the words of a United Nations report: representatives of States members,
/// observers for observer States and organizations, representatives of United Nations entities; each group in the
/// order its members first spoke, nobody twice.
/// </summary>
public static class FloorStatements
{
    public static string? Sentence(IEnumerable<Delegation> speakersInOrder)
    {
        ArgumentNullException.ThrowIfNull(speakersInOrder);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var speakers = speakersInOrder.Where(d => seen.Add(d.Id)).ToList();
        if (speakers.Count == 0)
        {
            return null;
        }
        var states = speakers.Where(d => d.Kind == DelegationKind.MemberState).ToList();
        var observers = speakers.Where(d => d.Kind is DelegationKind.ObserverState or DelegationKind.Igo or DelegationKind.Ngo).ToList();
        var entities = speakers.Where(d => d.Kind == DelegationKind.UnEntity).ToList();
        var sentences = new List<string>();
        if (states.Count > 0)
        {
            sentences.Add(states.Count == 1
                ? $"A statement was made by the representative of {List(states)}."
                : $"Statements were made by the representatives of {List(states)}.");
        }
        if (observers.Count > 0)
        {
            sentences.Add(Also(sentences.Count > 0, "observer for", "observers for", observers));
        }
        if (entities.Count > 0)
        {
            sentences.Add(Also(sentences.Count > 0, "representative of", "representatives of", entities));
        }
        return string.Join(" ", sentences);
    }

    private static string Also(bool also, string one, string many, List<Delegation> who)
    {
        if (!also)
        {
            return who.Count == 1 ? $"A statement was made by the {one} {List(who)}." : $"Statements were made by the {many} {List(who)}.";
        }
        return who.Count == 1 ? $"The {one} {List(who)} also made a statement." : $"The {many} {List(who)} also made statements.";
    }

    /// <summary>"Austria, Brazil and Chile"; organizations take "the" ("the European Union") unless their name has it.</summary>
    private static string List(List<Delegation> who)
    {
        var names = who.Select(NameInSentence).ToList();
        return names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";
    }

    public static string NameInSentence(Delegation delegation)
    {
        ArgumentNullException.ThrowIfNull(delegation);
        var name = delegation.Name.Trim();
        var organization = delegation.Kind is DelegationKind.Igo or DelegationKind.Ngo or DelegationKind.UnEntity;
        return organization && !name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? "the " + name : name;
    }
}
