using System.Text.Json;
using MeetingOps.Domain;
using MeetingOps.Domain.Definition;

namespace MeetingOps.Server.Api;

/// <summary>Reads a small JSON request body with MeetingOps' conventions, saying where it is wrong instead of throwing.</summary>
public static class JsonBody
{
    public static (T? Value, DefinitionProblem? Problem) Read<T>(byte[] body) where T : class
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Length == 0)
        {
            return (null, new DefinitionProblem("$", "The body is empty; expected a JSON object.", ServerPhrases.RequestBodyEmpty.With()));
        }
        try
        {
            return JsonSerializer.Deserialize<T>(body, MeetingOpsJson.Options) is { } value
                ? (value, null)
                : (null, new DefinitionProblem("$", "Expected a JSON object, found null.", ServerPhrases.RequestBodyNull.With()));
        }
        catch (JsonException e)
        {
            return (null, DefinitionReader.Describe(e));
        }
    }
}
