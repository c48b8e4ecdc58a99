namespace MeetingOps.Domain;

/// <summary>Why a command is refused; the API maps each kind to its status code.</summary>
public enum RefusalKind
{
    /// <summary>The move is not legal from where the item or sitting stands (422).</summary>
    IllegalTransition,
    /// <summary>The id names nothing in this meeting (404).</summary>
    NotFound,
    /// <summary>The command is malformed (400).</summary>
    Invalid,
    /// <summary>The command expected another version of the meeting (412, as HTTP answers a stale If-Match).</summary>
    VersionConflict,
    /// <summary>The command clashes with what exists: a meeting id taken, an Idempotency-Key used for another command (409).</summary>
    Conflict,
    /// <summary>No key was presented (401).</summary>
    Unauthenticated,
    /// <summary>The key presented may not do this (403).</summary>
    Forbidden,
    /// <summary>The command is legal but unusual enough to be asked again with a confirmation named by <see cref="Refusal.Code"/> (409).</summary>
    ConfirmationNeeded,
}

/// <summary>
/// A refused command: what kind of refusal, the reason in the meeting's words, and the move it asked for;
/// <see cref="Code"/>, when set, a machine-readable name of what was refused (for a confirmation needed: the confirmation to send);
/// <see cref="Text"/>, when set, the reason as a phrase code and its arguments, for a page to say in the viewer's language;
/// <see cref="Problems"/>, when set, each thing wrong with what was sent at its JSON path, each with its phrase (a re-plan
/// request that does not fit the meeting), so a page can list them in the viewer's language rather than only the English reason.
/// </summary>
public sealed record Refusal(RefusalKind Kind, string Reason, string? From = null, string? To = null, string? Code = null, ServerText? Text = null,
    IReadOnlyList<Definition.DefinitionProblem>? Problems = null)
{
    /// <summary>The meeting asked for does not exist (or is removed): the same words from every grain and route.</summary>
    public static Refusal NoMeeting(string id) => new(RefusalKind.NotFound, $"There is no meeting \"{id}\".", Text: ServerPhrases.NoSuchMeeting.With(("id", id)));
}

/// <summary>Either the outcome of a legal move or the refusal of an illegal one.</summary>
public readonly record struct Decision<T>(T? Outcome, Refusal? Refusal) where T : struct
{
    public bool IsRefused => Refusal is not null;

    public static implicit operator Decision<T>(T outcome) => new(outcome, null);

    public static implicit operator Decision<T>(Refusal refusal) => new(null, refusal);
}
