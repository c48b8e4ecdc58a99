using System.Text.Json.Nodes;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Security.Tests.Infrastructure;

/// <summary>
/// A meeting set up as the secretariat would (the 2022 sample, its delegations, one delegation's key), with everything
/// an attack could change read back in one <see cref="FingerprintAsync"/>: if that is the same after the attack,
/// nothing changed.
/// </summary>
public sealed record MeetingUnderAttack(string Id, string ChairKey, string DelegationKey)
{
    public const string FirstSitting = "2022-05-23-am";
    public const string FloorItem = "transfer-of-sentenced-persons";
    public const string Delegation = "austria";

    public static async Task<MeetingUnderAttack> CreateAsync(SecurityServer server)
    {
        var (id, chairKey) = await server.CreateMeetingAsync(RepoFiles.Sample(RepoFiles.Vienna2022));
        var put = await SecurityServer.SendAsync(server.Http, HttpMethod.Put, $"/api/meetings/{id}/delegations", SecurityServer.OrganizerKey,
            RepoFiles.Sample(RepoFiles.Vienna2022Delegations));
        Assert.True(put.Status == 200, $"PUT delegations: {put}");
        var issued = await SecurityServer.SendAsync(server.Http, HttpMethod.Post, $"/api/meetings/{id}/delegations/{Delegation}/key", SecurityServer.OrganizerKey,
            headers: new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString("N") });
        Assert.True(issued.Status == 200, $"issuing a delegation key: {issued}");
        return new MeetingUnderAttack(id, chairKey, JsonNode.Parse(issued.Body)!["key"]!.GetValue<string>());
    }

    /// <summary>
    /// The meeting's version, the list of meetings (creations, archivals), the definition (amendments, publication), the
    /// delegations (list and key issues change nothing else visible), the floor of an item, and that the chair key still
    /// opens the chair's reads (a rotated key would not).
    /// </summary>
    public async Task<string> FingerprintAsync(SecurityServer server)
    {
        var http = server.Http;
        var snapshot = JsonNode.Parse(await http.GetStringAsync($"/api/meetings/{Id}"))!;
        var list = JsonNode.Parse(await http.GetStringAsync("/api/meetings"))!.AsArray()
            .Select(m => m!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        var definition = await SecurityServer.SendAsync(http, HttpMethod.Get, $"/api/meetings/{Id}/definition", SecurityServer.OrganizerKey);
        var delegations = await SecurityServer.SendAsync(http, HttpMethod.Get, $"/api/meetings/{Id}/delegations", SecurityServer.OrganizerKey);
        var floor = JsonNode.Parse(await http.GetStringAsync($"/api/meetings/{Id}/items/{FloorItem}/floor"))!.AsObject();
        floor.Remove("at"); // when it was read, not a change
        var chairReads = await SecurityServer.SendAsync(http, HttpMethod.Get, $"/api/meetings/{Id}/delegations", ChairKey);
        return string.Join("\n",
            $"version {snapshot["version"]}",
            $"meetings {string.Join(",", list)}",
            $"definition {definition.Status} {definition.Body}",
            $"delegations {delegations.Status} {delegations.Body}",
            $"floor {floor.ToJsonString()}",
            $"chair key reads {chairReads.Status}");
    }

    public async Task<long> VersionAsync(SecurityServer server) =>
        JsonNode.Parse(await server.Http.GetStringAsync($"/api/meetings/{Id}"))!["version"]!.GetValue<long>();
}
