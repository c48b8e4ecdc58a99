using System.Globalization;

namespace MeetingOps.LoadTests;

/// <summary>One scenario's settings, from the command line (<c>--name value</c>); see loadtests/run.sh for how they are used.</summary>
public sealed class ScenarioOptions
{
    /// <summary>"meetingops" or "bare".</summary>
    public string Target { get; init; } = "meetingops";

    /// <summary>How the report names it: "one host", "two hosts", "bare".</summary>
    public string Mode { get; init; } = "one host";

    /// <summary>The hosts' base URLs; followers are spread over them, the chair uses the first.</summary>
    public IReadOnlyList<Uri> Hosts { get; init; } = [];

    /// <summary>The server processes to read CPU and memory from.</summary>
    public IReadOnlyList<int> Pids { get; init; } = [];

    public int Followers { get; init; } = 200;
    public int Meetings { get; init; } = 2;
    public int HubClients { get; init; } = 4;

    /// <summary>Chair commands per second, over all meetings.</summary>
    public double Rate { get; init; } = 4;

    public double Seconds { get; init; } = 20;
    public double WarmupSeconds { get; init; } = 3;
    public int SourceAddresses { get; init; } = 8;
    public int ConnectParallelism { get; init; } = 64;
    public string OrganizerKey { get; init; } = "";
    public string Definition { get; init; } = "";

    /// <summary>MeetingOps: where to write a real push; bare: the push to send.</summary>
    public string Payload { get; init; } = "";

    public string Out { get; init; } = "";

    /// <summary>The whole scenario gives up after this long.</summary>
    public double DeadlineSeconds { get; init; } = 600;

    /// <summary>The command line's <c>--name value</c> pairs, by name.</summary>
    public static Dictionary<string, string> Pairs(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected --name value, got \"{args[i]}\".");
            }
            values[args[i][2..]] = args[i + 1];
        }
        return values;
    }

    public static ScenarioOptions Parse(IReadOnlyList<string> args)
    {
        var values = Pairs(args);
        string Text(string name, string fallback) => values.GetValueOrDefault(name, fallback);
        double Number(string name, double fallback) =>
            values.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var defaults = new ScenarioOptions();
        return new ScenarioOptions
        {
            Target = Text("target", defaults.Target),
            Mode = Text("mode", defaults.Mode),
            Hosts = Text("hosts", "http://127.0.0.1:5080").Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(h => new Uri(h.TrimEnd('/') + "/")).ToList(),
            Pids = Text("pids", "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList(),
            Followers = (int)Number("followers", defaults.Followers),
            Meetings = (int)Number("meetings", defaults.Meetings),
            HubClients = (int)Number("hub-clients", defaults.HubClients),
            Rate = Number("rate", defaults.Rate),
            Seconds = Number("seconds", defaults.Seconds),
            WarmupSeconds = Number("warmup", defaults.WarmupSeconds),
            SourceAddresses = (int)Number("sources", defaults.SourceAddresses),
            ConnectParallelism = (int)Number("connect-parallelism", defaults.ConnectParallelism),
            OrganizerKey = Text("organizer-key", Environment.GetEnvironmentVariable("MeetingOps__OrganizerKey") ?? ""),
            Definition = Text("definition", "samples/ctoc-wg2-wg3-2022.meeting.json"),
            Payload = Text("payload", "loadtests/results/payload.json"),
            Out = Text("out", ""),
            DeadlineSeconds = Number("deadline", defaults.DeadlineSeconds),
        };
    }
}
