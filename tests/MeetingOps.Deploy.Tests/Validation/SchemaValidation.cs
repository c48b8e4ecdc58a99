using System.Diagnostics;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Deploy.Tests.Validation;

/// <summary>One document's schema errors ("/json/pointer: what is wrong"); valid when there are none.</summary>
public sealed record SchemaResult(IReadOnlyList<string> Errors)
{
    public bool Valid => Errors.Count == 0;
}

/// <summary>
/// Validates documents against the schemas Schemas.targets installed from npm, by running
/// tests/MeetingOps.Deploy.Tests/schemas/validate.mjs with Node.js: Kubernetes objects against the API's JSON
/// schemas (kubernetes-models), compose files against the compose-spec schema. Offline: nothing is fetched.
/// </summary>
public static class SchemaValidation
{
    public static string SchemasDirectory => Path.Combine(RepoFiles.Root, "tests", "MeetingOps.Deploy.Tests", "schemas");

    public static async Task<IReadOnlyList<SchemaResult>> KubernetesAsync(IEnumerable<JsonObject> objects) =>
        (await RunAsync(new JsonObject { ["kubernetes"] = new JsonArray(objects.Select(o => (JsonNode)o.DeepClone()).ToArray()) }))["kubernetes"];

    public static async Task<IReadOnlyList<SchemaResult>> ComposeAsync(IEnumerable<JsonNode> documents) =>
        (await RunAsync(new JsonObject { ["compose"] = new JsonArray(documents.Select(d => d.DeepClone()).ToArray()) }))["compose"];

    private static async Task<Dictionary<string, IReadOnlyList<SchemaResult>>> RunAsync(JsonObject input)
    {
        if (!File.Exists(Path.Combine(SchemasDirectory, "node_modules", ".meetingops-installed")))
        {
            throw new InvalidOperationException($"the schema packages are not installed in {SchemasDirectory}/node_modules: build the test project (Schemas.targets runs npm ci)");
        }
        var inputFile = Path.Combine(Path.GetTempPath(), $"meetingops-deploy-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(inputFile, input.ToJsonString());
        Process? node = null;
        try
        {
            node = Process.Start(new ProcessStartInfo("node", ["validate.mjs", inputFile])
            {
                WorkingDirectory = SchemasDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException("node did not start");
            var output = node.StandardOutput.ReadToEndAsync();
            var error = node.StandardError.ReadToEndAsync();
            // Bounded: validating a few dozen objects takes a second or two.
            await node.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            if (node.ExitCode != 0)
            {
                throw new InvalidOperationException($"validate.mjs exited with {node.ExitCode}: {await error}");
            }
            var result = JsonNode.Parse(await output)!.AsObject();
            return result.ToDictionary(
                p => p.Key,
                p => (IReadOnlyList<SchemaResult>)p.Value!.AsArray()
                    .Select(r => new SchemaResult(r!["errors"]!.AsArray().Select(e => (string)e!).ToList()))
                    .ToList());
        }
        finally
        {
            await ChildProcesses.KillAsync(node);
            File.Delete(inputFile);
        }
    }
}
