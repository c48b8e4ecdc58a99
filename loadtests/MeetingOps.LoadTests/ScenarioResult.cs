namespace MeetingOps.LoadTests;

/// <summary>
/// What one scenario measured. Latencies are from the chair command's send to a follower's receipt of the push of the
/// version that command made: p50/p99/p999/max over every delivery; lastFollower* over commands, each taken at the
/// moment its last follower got it. Memory per follower is the servers' resident memory after the run less before
/// connecting, over the followers held. CPU is percent of one core, summed over the servers, during the commands.
/// </summary>
public sealed record ScenarioResult
{
    public string Scenario { get; init; } = "";
    public string Target { get; init; } = "";
    public string Mode { get; init; } = "";
    public int Hosts { get; init; }
    public int Followers { get; init; }
    public int Meetings { get; init; }
    public int HubClients { get; init; }
    public double CommandsPerSecond { get; init; }
    public double Seconds { get; init; }
    public int CommandsSent { get; init; }
    public int CommandsFailed { get; init; }
    public int CommandsSkipped { get; init; }
    public string? CommandFailure { get; init; }
    public double P50Ms { get; init; }
    public double P99Ms { get; init; }
    public double P999Ms { get; init; }
    public double MaxMs { get; init; }
    public double LastFollowerP50Ms { get; init; }
    public double LastFollowerP99Ms { get; init; }
    public double LastFollowerMaxMs { get; init; }
    /// <summary>The chair's own wait: command sent → REST answer.</summary>
    public double CommandP50Ms { get; init; }
    public double CommandP99Ms { get; init; }
    public double LightP50Ms { get; init; }
    public double LightP99Ms { get; init; }
    public double HubClientP50Ms { get; init; }
    public double HubClientP99Ms { get; init; }
    public long Deliveries { get; init; }
    public long DeliveriesMissed { get; init; }
    public double DeliveriesPerSecond { get; init; }
    public int ConnectionsHeld { get; init; }
    public int ConnectionsFailed { get; init; }
    public string? ConnectionFailure { get; init; }
    public double ConnectSeconds { get; init; }
    public double ServerCpuPercent { get; init; }
    public double GeneratorCpuPercent { get; init; }
    public long ServerRssBaselineKb { get; init; }
    public long ServerRssConnectedKb { get; init; }
    public long ServerRssEndKb { get; init; }
    public double MemoryPerFollowerKb { get; init; }
    public string GcMode { get; init; } = "";
    /// <summary>The size of the file the bare hub pushes from (a real push's changes and a follow's snapshot), not a wire size.</summary>
    public int PayloadBytes { get; init; }

    /// <summary>
    /// The "changed" pushes as the light followers read them off the wire during the commands: the whole SignalR JSON
    /// frame (type, target, arguments), the record separator left out; smallest, mean and largest over every push.
    /// </summary>
    public int PushBytesMin { get; init; }
    public int PushBytesMean { get; init; }
    public int PushBytesMax { get; init; }

    /// <summary>The Follow answer (the snapshot) on the wire, the largest any light follower read.</summary>
    public int FollowBytes { get; init; }
    public string Started { get; init; } = "";

    /// <summary>The machine's 1-minute load average when the commands ended: how busy it was besides this run.</summary>
    public string LoadAverage { get; init; } = "";
}
