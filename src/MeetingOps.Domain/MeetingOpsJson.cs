using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeetingOps.Domain;

/// <summary>
/// The one set of JSON conventions used everywhere a MeetingOps value is written as JSON:
/// meeting definitions, the REST API, grain state on disk and values crossing grain calls.
/// Keeping one set means a value reads back exactly as it was written, wherever it went.
/// </summary>
public static class MeetingOpsJson
{
    /// <summary>Nesting deeper than this is refused: no meeting definition needs it, hostile input might.</summary>
    public const int MaxDepth = 32;

    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>
    /// An enum value as MeetingOps writes it in JSON ("inProgress", "open", "fit"). The log and refusals spell
    /// statuses and actions with it, so "from"/"to" in the log read exactly like the statuses in a snapshot.
    /// </summary>
    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>Applies the MeetingOps conventions to options owned by someone else (ASP.NET Core's, for example).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.MaxDepth = MaxDepth;
        options.AllowTrailingCommas = false;
        options.ReadCommentHandling = JsonCommentHandling.Skip;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        if (!options.Converters.OfType<JsonStringEnumConverter>().Any())
        {
            options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        }
        return options;
    }
}
