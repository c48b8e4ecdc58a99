using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace MeetingOps.Deploy.Tests.Validation;

/// <summary>
/// The unknown-field check kubectl's strict validation makes: every object is read into the Kubernetes client's
/// typed model for its apiVersion and kind (generated from the API's OpenAPI document) with unmapped JSON members
/// refused, so a misspelt or misplaced field ("readinesProbe", a probe under the pod spec) is an error with its
/// path. The JSON schemas alone allow unknown fields, as the API server's default schema does.
/// </summary>
public static class StrictFields
{
    private static readonly Dictionary<(string ApiVersion, string Kind), Type> Models = typeof(V1Pod).Assembly.GetTypes()
        .Select(t => (Type: t, Entity: t.GetCustomAttribute<KubernetesEntityAttribute>()))
        .Where(x => x.Entity is not null && !x.Type.Name.EndsWith("List", StringComparison.Ordinal))
        .GroupBy(x => (ApiVersion: string.IsNullOrEmpty(x.Entity!.Group) ? x.Entity.ApiVersion : $"{x.Entity.Group}/{x.Entity.ApiVersion}", x.Entity.Kind))
        .ToDictionary(g => g.Key, g => g.First().Type);

    private static readonly JsonSerializerOptions Strict = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        JsonSerializerOptions? client = null;
        KubernetesJson.AddJsonOptions(o => client = o);
        return new JsonSerializerOptions(client!)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            PropertyNameCaseInsensitive = false,
        };
    }

    /// <summary>The problem with the object's fields, or null when every field is one the API knows.</summary>
    public static string? Check(JsonObject resource)
    {
        var key = ((string?)resource["apiVersion"] ?? "", (string?)resource["kind"] ?? "");
        if (!Models.TryGetValue(key, out var model))
        {
            return $"no model for apiVersion {key.Item1} kind {key.Item2}";
        }
        try
        {
            JsonSerializer.Deserialize(resource.ToJsonString(), model, Strict);
            return null;
        }
        catch (JsonException e)
        {
            return $"{e.Path}: {e.Message}";
        }
    }
}
