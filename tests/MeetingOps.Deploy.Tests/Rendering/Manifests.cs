using MeetingOps.Tests.Shared;

namespace MeetingOps.Deploy.Tests.Rendering;

/// <summary>The repository's deployment files, found from the test's location.</summary>
public static class Manifests
{
    public static string Kustomizations => Path.Combine(RepoFiles.Root, "k8s");

    /// <summary>Every kustomization under k8s/ (base and overlays), as paths relative to k8s/.</summary>
    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(Kustomizations, "kustomization.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Kustomizations, Path.GetDirectoryName(f)!).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static List<JsonObject> Render(string kustomization) => Kustomization.Render(Path.Combine(Kustomizations, kustomization));

    public static string Deploy(string file) => Path.Combine(RepoFiles.Root, "deploy", file);

    public static JsonObject Single(this IEnumerable<JsonObject> objects, string kind, string name) =>
        objects.Single(o => (string?)o["kind"] == kind && (string?)o["metadata"]!["name"] == name);
}
