using MeetingOps.Deploy.Tests.Rendering;
using MeetingOps.Deploy.Tests.Validation;

namespace MeetingOps.Deploy.Tests;

/// <summary>
/// Every kustomization under k8s/ renders, and every object it renders is valid for the Kubernetes API: against the
/// API's JSON schemas (types, required fields, enums, formats) and with no field the API does not know.
/// The negative cases show the validation catches the mistakes it is there for.
/// </summary>
public sealed class ManifestSchemaTests
{
    public static TheoryData<string> Kustomizations => new(Manifests.All());

    [Fact]
    public void The_base_and_the_local_overlay_are_the_kustomizations_checked()
    {
        Assert.Equal(["base", "overlays/local"], Manifests.All());
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public async Task Every_rendered_object_is_valid_against_the_kubernetes_schemas(string kustomization)
    {
        var objects = Manifests.Render(kustomization);

        var results = await SchemaValidation.KubernetesAsync(objects);

        Assert.Equal(objects.Count, results.Count);
        var problems = objects.Zip(results)
            .Where(p => !p.Second.Valid)
            .Select(p => $"{p.First["kind"]} {p.First["metadata"]!["name"]}: {string.Join("; ", p.Second.Errors)}")
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public void Every_rendered_object_has_only_fields_the_api_knows(string kustomization)
    {
        var problems = Manifests.Render(kustomization)
            .Select(o => (Object: o, Problem: StrictFields.Check(o)))
            .Where(p => p.Problem is not null)
            .Select(p => $"{p.Object["kind"]} {p.Object["metadata"]!["name"]}: {p.Problem}")
            .ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task A_wrong_field_type_is_rejected_with_its_path()
    {
        var deployment = Manifests.Render("base").Single("Deployment", "meetingops");
        deployment["spec"]!["replicas"] = "three";
        deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["ports"]![0]!["containerPort"] = "8080";

        var result = (await SchemaValidation.KubernetesAsync([deployment])).Single();

        Assert.Contains(result.Errors, e => e.StartsWith("/spec/replicas:", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("/spec/template/spec/containers/0/ports/0/containerPort:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_required_field_or_a_value_outside_an_enum_is_rejected()
    {
        var objects = Manifests.Render("base");
        var deployment = objects.Single("Deployment", "meetingops");
        deployment["spec"]!["template"]!["spec"]!["containers"]![0]!.AsObject().Remove("name");
        var service = objects.Single("Service", "meetingops");
        service["spec"]!["ports"]![0]!.AsObject().Remove("port");

        var results = await SchemaValidation.KubernetesAsync([deployment, service]);

        Assert.Contains(results[0].Errors, e => e.StartsWith("/spec/template/spec/containers/0:", StringComparison.Ordinal) && e.Contains("name", StringComparison.Ordinal));
        Assert.Contains(results[1].Errors, e => e.StartsWith("/spec/ports/0:", StringComparison.Ordinal) && e.Contains("port", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_kind_or_api_version_is_rejected()
    {
        var hpa = Manifests.Render("base").Single("HorizontalPodAutoscaler", "meetingops");
        var misspelt = (JsonObject)hpa.DeepClone();
        misspelt["kind"] = "HorizontalPodAutoScaler";
        var unknownVersion = (JsonObject)hpa.DeepClone();
        unknownVersion["apiVersion"] = "autoscaling/v3";

        var results = await SchemaValidation.KubernetesAsync([misspelt, unknownVersion]);

        Assert.All(results, r => Assert.Contains(r.Errors, e => e.Contains("no schema for apiVersion", StringComparison.Ordinal)));
        Assert.NotNull(StrictFields.Check(misspelt));
    }

    [Fact]
    public async Task An_api_version_the_cluster_no_longer_serves_is_rejected_by_the_strict_check()
    {
        // kubernetes-models keeps the schemas of removed API versions (policy/v1beta1 left in Kubernetes 1.25);
        // the client's models only have the versions served today, so the strict check is the one that refuses it.
        var budget = (JsonObject)Manifests.Render("base").Single("PodDisruptionBudget", "meetingops").DeepClone();
        budget["apiVersion"] = "policy/v1beta1";

        var schema = (await SchemaValidation.KubernetesAsync([budget])).Single();

        Assert.True(schema.Valid, string.Join("; ", schema.Errors));
        Assert.Equal("no model for apiVersion policy/v1beta1 kind PodDisruptionBudget", StrictFields.Check(budget));
    }

    [Fact]
    public void An_unknown_or_misplaced_field_is_rejected_with_its_path()
    {
        var deployment = Manifests.Render("base").Single("Deployment", "meetingops");
        var container = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!.AsObject();
        var misspelt = (JsonObject)deployment.DeepClone();
        var probe = container["readinessProbe"]!.DeepClone();
        misspelt["spec"]!["template"]!["spec"]!["containers"]![0]!.AsObject().Remove("readinessProbe");
        misspelt["spec"]!["template"]!["spec"]!["containers"]![0]!["readinesProbe"] = probe;
        var misplaced = (JsonObject)deployment.DeepClone();
        misplaced["spec"]!["template"]!["spec"]!["terminationGracePeriod"] = 45;

        var misspeltProblem = StrictFields.Check(misspelt);
        var misplacedProblem = StrictFields.Check(misplaced);

        Assert.NotNull(misspeltProblem);
        Assert.Contains("readinesProbe", misspeltProblem);
        Assert.NotNull(misplacedProblem);
        Assert.Contains("terminationGracePeriod", misplacedProblem);
        Assert.Null(StrictFields.Check(deployment));
    }
}
