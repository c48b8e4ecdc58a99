using MeetingOps.Deploy.Tests.Rendering;
using MeetingOps.Deploy.Tests.Validation;

namespace MeetingOps.Deploy.Tests;

/// <summary>deploy/compose.yaml: valid against the compose-spec schema, and a cluster of three hosts on a durable Redis.</summary>
public sealed class ComposeTests
{
    private static JsonObject Compose => YamlDocuments.LoadFile(Manifests.Deploy("compose.yaml"), YamlBooleans.Core).Single()!.AsObject();

    private static JsonObject Services => Compose["services"]!.AsObject();

    private static IEnumerable<(string Name, JsonObject Service)> Hosts =>
        Services.Where(s => s.Key != "redis").Select(s => (s.Key, s.Value!.AsObject()));

    [Fact]
    public async Task The_compose_file_is_valid_against_the_compose_spec_schema()
    {
        var result = (await SchemaValidation.ComposeAsync([Compose])).Single();

        Assert.True(result.Valid, string.Join("\n", result.Errors));
    }

    [Fact]
    public async Task A_compose_file_with_a_wrong_type_or_an_unknown_service_field_is_rejected()
    {
        var wrongType = (JsonObject)Compose.DeepClone();
        wrongType["services"]!["redis"]!["healthcheck"]!["retries"] = "ten";
        var unknownField = (JsonObject)Compose.DeepClone();
        unknownField["services"]!["host1"]!["depends"] = new JsonArray("redis");

        var results = await SchemaValidation.ComposeAsync([wrongType, unknownField]);

        Assert.Contains(results[0].Errors, e => e.StartsWith("/services/redis/healthcheck/retries:", StringComparison.Ordinal));
        Assert.Contains(results[1].Errors, e => e.StartsWith("/services/host1:", StringComparison.Ordinal) && e.Contains("depends", StringComparison.Ordinal));
    }

    [Fact]
    public void Redis_runs_with_the_append_only_file_on_a_named_volume_and_a_healthcheck()
    {
        var redis = Services["redis"]!;
        var command = redis["command"]!.AsArray().Select(a => (string)a!).ToList();

        Assert.Equal("yes", command[command.IndexOf("--appendonly") + 1]);
        Assert.Contains(command[command.IndexOf("--appendfsync") + 1], new[] { "always", "everysec" });
        Assert.Equal("noeviction", command[command.IndexOf("--maxmemory-policy") + 1]);
        Assert.Contains(redis["volumes"]!.AsArray(), v => ((string)v!).EndsWith(":/data", StringComparison.Ordinal) && Compose["volumes"]!.AsObject().ContainsKey(((string)v!).Split(':')[0]));
        Assert.NotNull(redis["healthcheck"]!["test"]);
    }

    [Fact]
    public void Three_hosts_join_one_cluster_each_advertising_its_own_address()
    {
        var hosts = Hosts.ToList();
        Assert.Equal(3, hosts.Count);
        var advertised = new HashSet<string>();
        foreach (var (name, host) in hosts)
        {
            var environment = host["environment"]!.AsObject();
            Assert.Equal("redis:6379", (string?)environment["MeetingOps__Redis"]);
            var address = (string)environment["MeetingOps__AdvertisedAddress"]!;
            Assert.Equal(address, (string?)host["networks"]!["cluster"]!["ipv4_address"]);
            Assert.True(advertised.Add(address), $"{name} advertises {address} like another host");
            Assert.Equal("service_healthy", (string?)host["depends_on"]!["redis"]!["condition"]);
            Assert.Equal("/health/ready", (string?)host["healthcheck"]!["test"]!.AsArray().Last());
            Assert.Matches(@"^\$\{MEETINGOPS_ORGANIZER_KEY:\?", (string)environment["MeetingOps__OrganizerKey"]!);
            Assert.Matches(@"^127\.0\.0\.1:\d+:8080$", (string)host["ports"]![0]!);
            Assert.Equal("deploy/Dockerfile", (string?)host["build"]!["dockerfile"]);
        }
    }

    [Fact]
    public void A_stopping_host_gets_longer_than_its_shutdown_timeout()
    {
        foreach (var (name, host) in Hosts)
        {
            var timeout = int.Parse((string)host["environment"]!["MeetingOps__ShutdownTimeoutSeconds"]!, System.Globalization.CultureInfo.InvariantCulture);
            var grace = (string)host["stop_grace_period"]!;
            Assert.Matches("^[0-9]+s$", grace);
            Assert.True(int.Parse(grace[..^1], System.Globalization.CultureInfo.InvariantCulture) > timeout, $"{name}: stop_grace_period {grace} must exceed the shutdown timeout {timeout} s");
        }
    }
}
