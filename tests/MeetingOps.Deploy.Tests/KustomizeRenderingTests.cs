using MeetingOps.Deploy.Tests.Rendering;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Deploy.Tests;

/// <summary>The kustomize subset renders what kustomize itself renders, and refuses what it does not implement.</summary>
public sealed class KustomizeRenderingTests
{
    private static string Fixture(string part) =>
        Path.Combine(RepoFiles.Root, "tests", "MeetingOps.Deploy.Tests", "Fixtures", "kustomize", part);

    [Fact]
    public void The_fixture_renders_exactly_as_kustomize_renders_it()
    {
        var expected = YamlDocuments.LoadFile(Fixture("expected.yaml")).Cast<JsonObject>().ToList();

        var rendered = Kustomization.Render(Fixture("overlay"));

        Assert.Equal(expected.Count, rendered.Count);
        foreach (var want in expected)
        {
            var kind = (string)want["kind"]!;
            var name = (string)want["metadata"]!["name"]!;
            var got = rendered.SingleOrDefault(r => (string?)r["kind"] == kind && (string?)r["metadata"]!["name"] == name);
            Assert.True(got is not null, $"{kind} {name} (kustomize's name, with its hash) was not rendered; rendered: "
                + string.Join(", ", rendered.Select(r => $"{r["kind"]} {r["metadata"]!["name"]}")));
            Assert.True(JsonNode.DeepEquals(want, got), $"{kind} {name} differs.\nkustomize: {want.ToJsonString()}\nrendered:  {got!.ToJsonString()}");
        }
    }

    [Fact]
    public void Generated_names_carry_kustomizes_content_hash_and_change_with_the_content()
    {
        var configMap = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject { ["name"] = "settings" },
            ["data"] = new JsonObject { ["EMPTY"] = "", ["NUMBER"] = "30", ["PLAIN"] = "value", ["QUOTED"] = "a <b> & 'c'" },
        };
        Assert.Equal("settings-2f692ff94m", GeneratedNames.WithHash(configMap)); // kustomize v5.5.0's name for this data

        configMap["metadata"]!["name"] = "other";
        Assert.Equal("other-2f692ff94m", GeneratedNames.WithHash(configMap)); // kustomize leaves the name out of the hash

        configMap["data"]!["NUMBER"] = "31";
        Assert.NotEqual("other-2f692ff94m", GeneratedNames.WithHash(configMap));
    }

    [Theory]
    [InlineData("patches:\n  - path: patch.yaml\n", "\"patches\" is not supported")]
    [InlineData("labels:\n  - pairs: {a: b}\n    includeSelectors: true\n", "includeSelectors")]
    [InlineData("resources:\n  - missing.yaml\n", "resource \"missing.yaml\" does not exist")]
    [InlineData("configMapGenerator:\n  - name: s\n    envs: [settings.env]\n", "\"envs\" is not supported")]
    [InlineData("configMapGenerator:\n  - name: s\n    literals: [NOEQUALS]\n", "is not KEY=VALUE")]
    public void What_the_renderer_does_not_implement_is_refused_not_ignored(string body, string expectedMessage)
    {
        var directory = Directory.CreateTempSubdirectory("meetingops-kustomize-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "kustomization.yaml"), "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n" + body);

            var error = Assert.Throws<KustomizeException>(() => Kustomization.Render(directory.FullName));

            Assert.Contains(expectedMessage, error.Message);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Yaml_scalars_are_typed_as_kubectl_reads_them_and_merge_keys_apply()
    {
        var document = YamlDocuments.Load("""
            base: &base {a: 1, b: "2", c: yes, d: ~}
            merged:
              <<: *base
              a: 10
            """).Single()!;

        Assert.Equal(1, (long)document["base"]!["a"]!);
        Assert.Equal("2", (string)document["base"]!["b"]!);
        Assert.True((bool)document["base"]!["c"]!);
        Assert.Null(document["base"]!["d"]);
        Assert.Equal(10, (long)document["merged"]!["a"]!);
        Assert.Equal("2", (string)document["merged"]!["b"]!);
        Assert.Equal("yes", (string)YamlDocuments.Load("c: yes", YamlBooleans.Core).Single()!["c"]!);
    }
}
