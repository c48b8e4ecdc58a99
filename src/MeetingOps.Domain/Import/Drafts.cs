using MeetingOps.Domain.Definition;

namespace MeetingOps.Domain.Import;

/// <summary>A body as the document shows it, before ids and joint items are settled.</summary>
internal sealed class BodyDraft(string name, int line, int order)
{
    public string Name { get; set; } = name;
    public string Key { get; set; } = TextTools.Norm(name);
    public int Line { get; } = line;
    public int Order { get; set; } = order;
    public List<ItemDraft> Items { get; } = [];
    public Dictionary<string, ItemDraft> ByNumber { get; } = new(StringComparer.Ordinal);
    public string? Symbol { get; set; }
    public string? Id { get; set; }
    public string? Ordinal { get; set; }
    public int OrdinalValue { get; set; }
    public string Noun { get; set; } = "meeting";
    public bool Annotated { get; set; }

    public IEnumerable<ItemDraft> AllItems()
    {
        foreach (var item in Items)
        {
            yield return item;
            foreach (var child in item.Descendants())
            {
                yield return child;
            }
        }
    }

    public override string ToString() => Name;
}

/// <summary>An agenda item on one body's agenda, with what the annotations say about it.</summary>
internal sealed class ItemDraft(BodyDraft body, string number, string title, int line, ItemDraft? parent)
{
    public BodyDraft Body { get; } = body;
    public string Number { get; } = number;
    private string? _key;

    public string Title { get; set; } = title;

    /// <summary>The normalized title, for matching; read only once the agenda list has been read.</summary>
    public string Key => _key ??= TextTools.Norm(Title);
    public int Line { get; } = line;
    public ItemDraft? Parent { get; } = parent;
    public List<ItemDraft> Children { get; } = [];
    public bool JointMark { get; set; }
    public bool TitleOpen { get; set; }
    public List<string> Paragraphs { get; } = [];
    public int AnnotationLength { get; set; }
    public List<DocumentReference> Documents { get; } = [];
    public int HeadingLine { get; set; }
    public string? HeadingText { get; set; }
    public (string Number, BodyDraft Body, int Line)? CrossReference { get; set; }
    public MergedItem? Merged { get; set; }

    /// <summary>"a" for "1 (a)"; "i" for "1 (a) (i)"; "1" for "2.1".</summary>
    public string? Letter { get; init; }

    public bool HasContent => Paragraphs.Count > 0 || Documents.Count > 0;

    public IEnumerable<ItemDraft> Descendants()
    {
        foreach (var child in Children)
        {
            yield return child;
            foreach (var grandchild in child.Descendants())
            {
                yield return grandchild;
            }
        }
    }

    public override string ToString() => $"{Body.Name} {Number} {Title}";
}

/// <summary>One item of the meeting: a body's item, or a joint item made of one item on each of several agendas.</summary>
internal sealed class MergedItem
{
    public List<ItemDraft> Members { get; } = [];
    public List<MergedItem> Children { get; } = [];
    public string Id { get; set; } = "";

    public ItemDraft First => Members[0];

    public bool Has(BodyDraft body) => Members.Any(m => m.Body == body);

    public ItemDraft? For(BodyDraft body) => Members.FirstOrDefault(m => m.Body == body);
}
