using System.Globalization;
using MeetingOps.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace MeetingOps.Server.Api;

/// <summary>The headers a command carries: the bearer key, the Idempotency-Key, If-Match and the actor's name.</summary>
public sealed record CommandHeaders(string? Key, string? IdempotencyKey, long? ExpectedVersion, string? ActorName)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string ActorNameHeader = "X-Actor-Name";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const string AppliedVersionHeader = "Applied-Version";
    public const int MaxActorNameLength = 200;
    public const int MaxIdempotencyKeyLength = Grains.MeetingGrain.MaxIdempotencyKeyLength;

    /// <summary>Reads the headers, or says which one is malformed (in English and as a phrase, the same words on every route).</summary>
    public static (CommandHeaders? Headers, ProblemHttpResult? Error) Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = BearerKey(request);
        string? idempotencyKey = request.Headers[IdempotencyKeyHeader].Count switch
        {
            0 => null,
            1 => request.Headers[IdempotencyKeyHeader][0],
            _ => "\n", // several: refused below as malformed
        };
        if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > MaxIdempotencyKeyLength || idempotencyKey.Any(char.IsControl)))
        {
            return (null, Problems.BadRequest($"Idempotency-Key must be one value of 1–{MaxIdempotencyKeyLength} printable characters.",
                text: ServerPhrases.IdempotencyKeyMalformed.With(("count", MaxIdempotencyKeyLength))));
        }
        long? expected = null;
        // "If-Match: *" means any version: the same as not asking.
        if (request.Headers.IfMatch.Count > 0 && request.Headers.IfMatch.ToString().Trim() != "*")
        {
            if (!TryVersion(request.Headers.IfMatch.ToString(), out var v))
            {
                return (null, Problems.BadRequest($"If-Match must be the meeting's version as an entity tag, e.g. \"\\\"12\\\"\"; found {request.Headers.IfMatch}.",
                    text: ServerPhrases.RequestIfMatchShape.With(("found", Problems.Clean(request.Headers.IfMatch.ToString(), 100)))));
            }
            expected = v;
        }
        var actor = request.Headers[ActorNameHeader].ToString();
        // The name goes into the log, the report and the CSV: printable text only, and not a paragraph.
        if (actor.Length > MaxActorNameLength || actor.Any(char.IsControl))
        {
            return (null, Problems.BadRequest($"{ActorNameHeader} must be one name of at most {MaxActorNameLength} printable characters (no control characters).",
                text: ServerPhrases.ActorNameTooLong.With(("count", MaxActorNameLength))));
        }
        return (new CommandHeaders(key, idempotencyKey, expected, actor.Length == 0 ? null : actor), null);
    }

    public static string? BearerKey(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
    }

    /// <summary>The meeting's version as an entity tag: <c>"12"</c>.</summary>
    public static string ETag(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    private static bool TryVersion(string value, out long version)
    {
        version = 0;
        var v = value.Trim();
        if (v.StartsWith("W/", StringComparison.Ordinal))
        {
            v = v[2..];
        }
        if (v.Length >= 2 && v[0] == '"' && v[^1] == '"')
        {
            v = v[1..^1];
        }
        return long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }
}
