using System.Text;

namespace MeetingOps.Deploy.Tests.Rendering;

/// <summary>
/// The part of kustomize this repository's k8s/ uses, rendered the way kustomize does: resources (files and
/// directories with their own kustomization), configMapGenerator and secretGenerator (literals; hashed names and
/// references to them rewritten), namespace, labels (metadata only) and images. Any other field is refused
/// rather than ignored, so k8s/ cannot start using a feature this renderer would silently get wrong.
/// </summary>
public static class Kustomization
{
    private static readonly HashSet<string> SupportedFields =
        ["apiVersion", "kind", "namespace", "labels", "resources", "configMapGenerator", "secretGenerator", "images"];

    private static readonly HashSet<string> ClusterScopedKinds =
        ["Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume", "StorageClass",
         "PriorityClass", "IngressClass", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"];

    public static List<JsonObject> Render(string directory) => Build(Path.GetFullPath(directory), []);

    private static List<JsonObject> Build(string directory, HashSet<string> visiting)
    {
        if (!visiting.Add(directory))
        {
            throw new KustomizeException($"{directory}: a kustomization includes itself");
        }
        var file = new[] { "kustomization.yaml", "kustomization.yml", "Kustomization" }
            .Select(n => Path.Combine(directory, n))
            .FirstOrDefault(File.Exists)
            ?? throw new KustomizeException($"{directory}: no kustomization.yaml");
        var documents = YamlDocuments.LoadFile(file);
        if (documents is not [JsonObject spec])
        {
            throw new KustomizeException($"{file}: must hold exactly one mapping");
        }
        foreach (var field in spec.Select(p => p.Key).Where(k => !SupportedFields.Contains(k)))
        {
            throw new KustomizeException($"{file}: \"{field}\" is not supported by this renderer");
        }
        if ((string?)spec["kind"] is { } declared && declared != "Kustomization")
        {
            throw new KustomizeException($"{file}: kind must be Kustomization, not {declared}");
        }

        var resources = new List<JsonObject>();
        foreach (var entry in Strings(spec["resources"], file, "resources"))
        {
            var path = Path.GetFullPath(Path.Combine(directory, entry));
            if (Directory.Exists(path))
            {
                resources.AddRange(Build(path, visiting));
            }
            else if (File.Exists(path))
            {
                resources.AddRange(LoadResources(path));
            }
            else
            {
                throw new KustomizeException($"{file}: resource \"{entry}\" does not exist");
            }
        }

        var generated = new List<(JsonObject Resource, string Name)>();
        foreach (var (field, kind) in new[] { ("configMapGenerator", "ConfigMap"), ("secretGenerator", "Secret") })
        {
            foreach (var generator in Objects(spec[field], file, field))
            {
                var resource = Generate(generator, kind, file);
                generated.Add((resource, (string)resource["metadata"]!["name"]!));
                resources.Add(resource);
            }
        }

        if ((string?)spec["namespace"] is { } ns)
        {
            foreach (var resource in resources.Where(r => !ClusterScopedKinds.Contains((string?)r["kind"] ?? "")))
            {
                Metadata(resource)["namespace"] = ns;
            }
        }
        foreach (var labels in Objects(spec["labels"], file, "labels"))
        {
            ApplyLabels(labels, resources, file);
        }
        foreach (var image in Objects(spec["images"], file, "images"))
        {
            ApplyImage(image, resources, file);
        }
        foreach (var (resource, name) in generated)
        {
            var hashed = GeneratedNames.WithHash(resource);
            Metadata(resource)["name"] = hashed;
            RenameReferences(resources, (string)resource["kind"]!, (string?)resource["metadata"]!["namespace"], name, hashed);
        }

        visiting.Remove(directory);
        return resources;
    }

    private static IEnumerable<JsonObject> LoadResources(string path)
    {
        foreach (var document in YamlDocuments.LoadFile(path))
        {
            if (document is not JsonObject resource || resource["apiVersion"] is null || resource["kind"] is null)
            {
                throw new KustomizeException($"{path}: every document must be an object with apiVersion and kind");
            }
            if ((string?)resource["metadata"]?["name"] is null or "")
            {
                throw new KustomizeException($"{path}: a {(string?)resource["kind"]} has no metadata.name");
            }
            yield return resource;
        }
    }

    private static JsonObject Generate(JsonObject generator, string kind, string file)
    {
        var name = (string?)generator["name"] ?? throw new KustomizeException($"{file}: a {kind} generator has no name");
        foreach (var field in generator.Select(p => p.Key).Where(k => k is not ("name" or "literals" or "type")))
        {
            throw new KustomizeException($"{file}: {kind} generator \"{name}\": \"{field}\" is not supported by this renderer");
        }
        if (kind == "ConfigMap" && generator["type"] is not null)
        {
            throw new KustomizeException($"{file}: ConfigMap generator \"{name}\" cannot have a type");
        }
        var data = new JsonObject();
        foreach (var literal in Strings(generator["literals"], file, $"{name}.literals"))
        {
            var equals = literal.IndexOf('=');
            if (equals <= 0)
            {
                throw new KustomizeException($"{file}: literal \"{literal}\" of \"{name}\" is not KEY=VALUE");
            }
            var key = literal[..equals];
            if (data.ContainsKey(key))
            {
                throw new KustomizeException($"{file}: \"{name}\" has the key \"{key}\" twice");
            }
            var value = Unquote(literal[(equals + 1)..]);
            data[key] = kind == "Secret" ? Convert.ToBase64String(Encoding.UTF8.GetBytes(value)) : value;
        }
        var resource = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = kind,
            ["metadata"] = new JsonObject { ["name"] = name },
        };
        if (kind == "Secret")
        {
            resource["type"] = (string?)generator["type"] ?? "Opaque";
        }
        resource["data"] = data;
        return resource;
    }

    // kustomize drops one pair of matching quotes around a literal's value.
    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;

    private static void ApplyLabels(JsonObject labels, List<JsonObject> resources, string file)
    {
        foreach (var field in labels.Select(p => p.Key).Where(k => k is not ("pairs" or "includeSelectors" or "includeTemplates")))
        {
            throw new KustomizeException($"{file}: labels \"{field}\" is not supported by this renderer");
        }
        if (labels["includeSelectors"]?.GetValue<bool>() == true || labels["includeTemplates"]?.GetValue<bool>() == true)
        {
            throw new KustomizeException($"{file}: labels with includeSelectors or includeTemplates are not supported by this renderer; write selector and template labels in the resources");
        }
        var pairs = labels["pairs"] as JsonObject ?? throw new KustomizeException($"{file}: labels entry without pairs");
        foreach (var resource in resources)
        {
            var target = Metadata(resource)["labels"] as JsonObject ?? (JsonObject)(Metadata(resource)["labels"] = new JsonObject());
            foreach (var (key, value) in pairs)
            {
                target[key] = (string?)value;
            }
        }
    }

    private static void ApplyImage(JsonObject image, List<JsonObject> resources, string file)
    {
        var name = (string?)image["name"] ?? throw new KustomizeException($"{file}: images entry without name");
        foreach (var field in image.Select(p => p.Key).Where(k => k is not ("name" or "newName" or "newTag" or "digest")))
        {
            throw new KustomizeException($"{file}: images \"{field}\" is not supported by this renderer");
        }
        foreach (var container in resources.SelectMany(Containers))
        {
            if ((string?)container["image"] is not { } current)
            {
                continue;
            }
            var (currentName, tag, digest) = SplitImage(current);
            if (currentName != name)
            {
                continue;
            }
            var newName = (string?)image["newName"] ?? currentName;
            if ((string?)image["digest"] is { } newDigest)
            {
                container["image"] = $"{newName}@{newDigest}";
            }
            else if (image["newTag"] is { } newTag)
            {
                container["image"] = $"{newName}:{newTag}";
            }
            else
            {
                container["image"] = newName + (digest is not null ? "@" + digest : tag is not null ? ":" + tag : "");
            }
        }
    }

    // "registry:5000/app:1.2@sha256:…" → name "registry:5000/app", tag "1.2", digest "sha256:…".
    private static (string Name, string? Tag, string? Digest) SplitImage(string image)
    {
        string? digest = null;
        var at = image.IndexOf('@');
        if (at >= 0)
        {
            digest = image[(at + 1)..];
            image = image[..at];
        }
        var colon = image.LastIndexOf(':');
        return colon > image.LastIndexOf('/') ? (image[..colon], image[(colon + 1)..], digest) : (image, null, digest);
    }

    /// <summary>Pod specs of the workload kinds kustomize knows: Pod, the template controllers and CronJob.</summary>
    private static IEnumerable<JsonObject> PodSpecs(JsonObject resource)
    {
        var spec = resource["spec"] as JsonObject;
        var podSpec = (string?)resource["kind"] switch
        {
            "Pod" => spec,
            "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "Job" or "ReplicationController" => spec?["template"]?["spec"] as JsonObject,
            "CronJob" => spec?["jobTemplate"]?["spec"]?["template"]?["spec"] as JsonObject,
            _ => null,
        };
        return podSpec is null ? [] : [podSpec];
    }

    private static IEnumerable<JsonObject> Containers(JsonObject resource) =>
        PodSpecs(resource).SelectMany(p => new[] { "initContainers", "containers" }
            .SelectMany(list => (p[list] as JsonArray)?.OfType<JsonObject>() ?? []));

    /// <summary>Points env, envFrom and volume references of pods in the same namespace at the hashed name.</summary>
    private static void RenameReferences(List<JsonObject> resources, string kind, string? ns, string from, string to)
    {
        var (keyRef, fromRef) = kind == "ConfigMap" ? ("configMapKeyRef", "configMapRef") : ("secretKeyRef", "secretRef");
        foreach (var resource in resources.Where(r => (string?)r["metadata"]?["namespace"] == ns))
        {
            foreach (var container in Containers(resource))
            {
                foreach (var env in (container["env"] as JsonArray)?.OfType<JsonObject>() ?? [])
                {
                    Rename(env["valueFrom"]?[keyRef] as JsonObject, "name", from, to);
                }
                foreach (var source in (container["envFrom"] as JsonArray)?.OfType<JsonObject>() ?? [])
                {
                    Rename(source[fromRef] as JsonObject, "name", from, to);
                }
            }
            foreach (var volume in PodSpecs(resource).SelectMany(p => (p["volumes"] as JsonArray)?.OfType<JsonObject>() ?? []))
            {
                if (kind == "ConfigMap")
                {
                    Rename(volume["configMap"] as JsonObject, "name", from, to);
                }
                else
                {
                    Rename(volume["secret"] as JsonObject, "secretName", from, to);
                }
                foreach (var projected in (volume["projected"]?["sources"] as JsonArray)?.OfType<JsonObject>() ?? [])
                {
                    Rename(projected[kind == "ConfigMap" ? "configMap" : "secret"] as JsonObject, "name", from, to);
                }
            }
            if (kind == "Secret")
            {
                foreach (var pull in PodSpecs(resource).SelectMany(p => (p["imagePullSecrets"] as JsonArray)?.OfType<JsonObject>() ?? []))
                {
                    Rename(pull, "name", from, to);
                }
            }
        }
    }

    private static void Rename(JsonObject? holder, string field, string from, string to)
    {
        if (holder is not null && (string?)holder[field] == from)
        {
            holder[field] = to;
        }
    }

    private static JsonObject Metadata(JsonObject resource) =>
        resource["metadata"] as JsonObject ?? (JsonObject)(resource["metadata"] = new JsonObject());

    private static IEnumerable<string> Strings(JsonNode? node, string file, string field) => node switch
    {
        null => [],
        JsonArray array => array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new KustomizeException($"{file}: {field} must be a list of strings")),
        _ => throw new KustomizeException($"{file}: {field} must be a list"),
    };

    private static IEnumerable<JsonObject> Objects(JsonNode? node, string file, string field) => node switch
    {
        null => [],
        JsonArray array => array.Select(n => n as JsonObject ?? throw new KustomizeException($"{file}: {field} must be a list of mappings")),
        _ => throw new KustomizeException($"{file}: {field} must be a list"),
    };
}

public sealed class KustomizeException(string message) : Exception(message);
