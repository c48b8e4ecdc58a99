namespace MeetingOps.Domain.Definition;

/// <summary>
/// One thing wrong with a meeting definition, and where: a JSON path such as <c>$.sessions[2].items[0].item</c>. The
/// <see cref="Text"/> is the message as a phrase code, for the secretariat's page to say in the viewer's language.
/// </summary>
public sealed record DefinitionProblem(string Path, string Message, ServerText? Text = null)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>Either the checked meeting or every problem found (never both, never neither).</summary>
public sealed record DefinitionResult(Meeting? Meeting, IReadOnlyList<DefinitionProblem> Problems)
{
    public bool IsValid => Meeting is not null;

    public static DefinitionResult Invalid(params DefinitionProblem[] problems) => new(null, problems);
}
