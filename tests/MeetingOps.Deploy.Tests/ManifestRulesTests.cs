using MeetingOps.Deploy.Tests.Rendering;

namespace MeetingOps.Deploy.Tests;

/// <summary>
/// What the rendered manifests must say for MeetingOps to run as a cluster (the contract between host and
/// deployment): each silo advertises its pod IP, probes follow the silo's state, shutdown has time to hand grains
/// over, the key never sits in the repository, selectors find the pods they mean.
/// </summary>
public sealed class ManifestRulesTests
{
    private static readonly List<JsonObject> Base = Manifests.Render("base");

    private static JsonObject Deployment => Base.Single("Deployment", "meetingops");

    private static JsonObject PodSpec => Deployment["spec"]!["template"]!["spec"]!.AsObject();

    private static JsonObject Container => PodSpec["containers"]!.AsArray().Single()!.AsObject();

    private static JsonObject Settings => Base.Single(o => (string?)o["kind"] == "ConfigMap" && ((string)o["metadata"]!["name"]!).StartsWith("meetingops-settings-", StringComparison.Ordinal));

    private static JsonObject Env(string name) =>
        Container["env"]!.AsArray().Select(e => e!.AsObject()).Single(e => (string?)e["name"] == name);

    [Fact]
    public void Everything_lives_in_the_meetingops_namespace()
    {
        Assert.All(Base.Where(o => (string?)o["kind"] != "Namespace"), o => Assert.Equal("meetingops", (string?)o["metadata"]!["namespace"]));
        Assert.Equal(["ConfigMap", "Deployment", "HorizontalPodAutoscaler", "Ingress", "Namespace", "PodDisruptionBudget", "Service", "StatefulSet"],
            Base.Select(o => (string)o["kind"]!).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Three_hosts_run_in_cluster_mode_against_the_redis_service()
    {
        Assert.Equal(3, (int)Deployment["spec"]!["replicas"]!);
        Assert.Equal("redis:6379", (string?)Settings["data"]!["MeetingOps__Redis"]);
        var redisService = Base.Single("Service", "redis");
        Assert.Equal(6379, (int)redisService["spec"]!["ports"]![0]!["port"]!);
        Assert.Equal("meetingops-settings", ((string)Settings["metadata"]!["name"]!)[..^11]);
        Assert.Equal(Settings["metadata"]!["name"]!.ToString(), (string?)Container["envFrom"]![0]!["configMapRef"]!["name"]);
    }

    [Fact]
    public void Each_silo_advertises_its_pod_ip_and_name_from_the_downward_api()
    {
        Assert.Equal("status.podIP", (string?)Env("MeetingOps__AdvertisedAddress")["valueFrom"]!["fieldRef"]!["fieldPath"]);
        Assert.Equal("metadata.name", (string?)Env("POD_NAME")["valueFrom"]!["fieldRef"]!["fieldPath"]);
        var ports = Container["ports"]!.AsArray().ToDictionary(p => (string)p!["name"]!, p => (int)p!["containerPort"]!);
        Assert.Equal(new Dictionary<string, int> { ["http"] = 8080, ["silo"] = 11111, ["gateway"] = 30000 }, ports);
    }

    [Fact]
    public void The_organizer_key_comes_from_a_secret_that_the_base_never_contains()
    {
        var key = Env("MeetingOps__OrganizerKey")["valueFrom"]!["secretKeyRef"]!;
        Assert.Equal("meetingops-organizer", (string?)key["name"]);
        Assert.Equal("organizer-key", (string?)key["key"]);
        Assert.DoesNotContain(Base, o => (string?)o["kind"] == "Secret");
        Assert.DoesNotContain(Settings["data"]!.AsObject(), p => p.Key.Contains("OrganizerKey", StringComparison.Ordinal));

        var local = Manifests.Render("overlays/local");
        var secret = local.Single(o => (string?)o["kind"] == "Secret");
        var deployment = local.Single("Deployment", "meetingops");
        var reference = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray()
            .Single(e => (string?)e!["name"] == "MeetingOps__OrganizerKey")!["valueFrom"]!["secretKeyRef"]!;
        Assert.Equal((string?)secret["metadata"]!["name"], (string?)reference["name"]);
        var placeholder = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)secret["data"]!["organizer-key"]!));
        Assert.True(placeholder.Length >= 16, "the host refuses organizer keys shorter than 16 characters");
        Assert.Equal("meetingops:dev", (string?)deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]);
    }

    [Fact]
    public void Probes_follow_the_silos_state_on_the_contracts_endpoints()
    {
        Assert.Equal("/health/startup", (string?)Container["startupProbe"]!["httpGet"]!["path"]);
        Assert.Equal("/health/ready", (string?)Container["readinessProbe"]!["httpGet"]!["path"]);
        Assert.Equal("/health/live", (string?)Container["livenessProbe"]!["httpGet"]!["path"]);
        Assert.All(new[] { "startupProbe", "readinessProbe", "livenessProbe" }, p => Assert.Equal("http", (string?)Container[p]!["httpGet"]!["port"]));
        var startupBudget = (int)Container["startupProbe"]!["periodSeconds"]! * (int)Container["startupProbe"]!["failureThreshold"]!;
        Assert.InRange(startupBudget, 60, 300);
    }

    [Fact]
    public void The_grace_period_outlasts_the_prestop_pause_and_the_hosts_shutdown_timeout()
    {
        var shutdownTimeout = int.Parse((string)Settings["data"]!["MeetingOps__ShutdownTimeoutSeconds"]!, System.Globalization.CultureInfo.InvariantCulture);
        var preStop = (int)Container["lifecycle"]!["preStop"]!["sleep"]!["seconds"]!;
        var grace = (int)PodSpec["terminationGracePeriodSeconds"]!;

        Assert.True(grace > preStop + shutdownTimeout, $"terminationGracePeriodSeconds {grace} must exceed preStop {preStop} s + shutdown timeout {shutdownTimeout} s");
        Assert.Equal(0, (int)Deployment["spec"]!["strategy"]!["rollingUpdate"]!["maxUnavailable"]!);
    }

    [Fact]
    public void Containers_run_as_non_root_with_a_read_only_root_and_limits()
    {
        foreach (var workload in Base.Where(o => (string?)o["kind"] is "Deployment" or "StatefulSet"))
        {
            var spec = workload["spec"]!["template"]!["spec"]!;
            Assert.True((bool)spec["securityContext"]!["runAsNonRoot"]!);
            Assert.NotEqual(0, (int)spec["securityContext"]!["runAsUser"]!);
            foreach (var container in spec["containers"]!.AsArray())
            {
                var context = container!["securityContext"]!;
                Assert.True((bool)context["readOnlyRootFilesystem"]!);
                Assert.False((bool)context["allowPrivilegeEscalation"]!);
                Assert.Equal("ALL", (string?)context["capabilities"]!["drop"]![0]);
                Assert.NotNull(container["resources"]!["requests"]!["cpu"]);
                Assert.NotNull(container["resources"]!["requests"]!["memory"]);
                Assert.NotNull(container["resources"]!["limits"]!["memory"]);
            }
        }
        // The writable paths of a read-only container are emptyDir volumes: the data directory the host checks, and /tmp.
        var mounts = Container["volumeMounts"]!.AsArray().ToDictionary(m => (string)m!["mountPath"]!, m => (string)m!["name"]!);
        var emptyDirs = PodSpec["volumes"]!.AsArray().Where(v => v!["emptyDir"] is not null).Select(v => (string)v!["name"]!).ToHashSet();
        Assert.Contains(mounts["/data"], emptyDirs);
        Assert.Contains(mounts["/tmp"], emptyDirs);
    }

    [Fact]
    public void Redis_keeps_its_append_only_file_on_a_persistent_volume()
    {
        var redis = Base.Single("StatefulSet", "redis");
        var container = redis["spec"]!["template"]!["spec"]!["containers"]![0]!;
        var args = container["args"]!.AsArray().Select(a => (string)a!).ToList();

        Assert.Equal("yes", args[args.IndexOf("--appendonly") + 1]);
        Assert.Contains(args[args.IndexOf("--appendfsync") + 1], new[] { "always", "everysec" });
        var claim = redis["spec"]!["volumeClaimTemplates"]![0]!;
        Assert.Equal("/data", (string?)container["volumeMounts"]!.AsArray().Single(m => (string?)m!["name"] == (string?)claim["metadata"]!["name"])!["mountPath"]);
        Assert.Equal("/data", args[args.IndexOf("--dir") + 1]);
        Assert.Equal("noeviction", args[args.IndexOf("--maxmemory-policy") + 1]);
        Assert.Equal("redis-headless", (string?)redis["spec"]!["serviceName"]);
        Assert.Equal("None", (string?)Base.Single("Service", "redis-headless")["spec"]!["clusterIP"]);
    }

    [Fact]
    public void Every_selector_matches_the_pods_it_is_meant_for()
    {
        JsonObject PodLabels(string kind, string name) => Base.Single(kind, name)["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();
        static bool Selects(JsonNode? selector, JsonObject labels) =>
            selector!.AsObject().All(p => (string?)labels[p.Key] == (string?)p.Value);

        var hosts = PodLabels("Deployment", "meetingops");
        var redis = PodLabels("StatefulSet", "redis");
        Assert.True(Selects(Deployment["spec"]!["selector"]!["matchLabels"], hosts));
        Assert.True(Selects(Base.Single("Service", "meetingops")["spec"]!["selector"], hosts));
        Assert.True(Selects(Base.Single("PodDisruptionBudget", "meetingops")["spec"]!["selector"]!["matchLabels"], hosts));
        Assert.True(Selects(Base.Single("StatefulSet", "redis")["spec"]!["selector"]!["matchLabels"], redis));
        Assert.True(Selects(Base.Single("Service", "redis")["spec"]!["selector"], redis));
        Assert.False(Selects(Base.Single("Service", "redis")["spec"]!["selector"], hosts));
    }

    [Fact]
    public void The_ingress_keeps_a_signalr_connection_on_one_host_and_its_websocket_open()
    {
        var ingress = Base.Single("Ingress", "meetingops");
        var annotations = ingress["metadata"]!["annotations"]!.AsObject();
        Assert.Equal("cookie", (string?)annotations["nginx.ingress.kubernetes.io/affinity"]);
        Assert.Equal("persistent", (string?)annotations["nginx.ingress.kubernetes.io/affinity-mode"]);
        Assert.True(int.Parse((string)annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"]!, System.Globalization.CultureInfo.InvariantCulture) >= 3600);
        Assert.True(int.Parse((string)annotations["nginx.ingress.kubernetes.io/proxy-send-timeout"]!, System.Globalization.CultureInfo.InvariantCulture) >= 3600);

        var backend = ingress["spec"]!["rules"]![0]!["http"]!["paths"]![0]!["backend"]!["service"]!;
        var service = Base.Single("Service", (string)backend["name"]!);
        Assert.Contains(service["spec"]!["ports"]!.AsArray(), p => (string?)p!["name"] == (string?)backend["port"]!["name"]);
    }

    [Fact]
    public void The_autoscaler_and_the_disruption_budget_never_go_below_a_working_cluster()
    {
        var hpa = Base.Single("HorizontalPodAutoscaler", "meetingops");
        Assert.Equal("autoscaling/v2", (string?)hpa["apiVersion"]);
        Assert.Equal("Deployment", (string?)hpa["spec"]!["scaleTargetRef"]!["kind"]);
        Assert.Equal("meetingops", (string?)hpa["spec"]!["scaleTargetRef"]!["name"]);
        Assert.True((int)hpa["spec"]!["minReplicas"]! >= 3);
        Assert.True((int)hpa["spec"]!["maxReplicas"]! > (int)hpa["spec"]!["minReplicas"]!);
        Assert.Equal(1, (int)Base.Single("PodDisruptionBudget", "meetingops")["spec"]!["maxUnavailable"]!);
    }

    [Fact]
    public void No_rbac_since_silos_find_each_other_through_redis_not_the_kubernetes_api()
    {
        Assert.DoesNotContain(Base, o => ((string?)o["apiVersion"] ?? "").StartsWith("rbac.authorization.k8s.io/", StringComparison.Ordinal));
        Assert.DoesNotContain(Base, o => (string?)o["kind"] == "ServiceAccount");
        Assert.False((bool)PodSpec["automountServiceAccountToken"]!);
    }
}
