using System.Globalization;
using System.Text;
using StackExchange.Redis;

namespace MeetingOps.Cli;

/// <summary>
/// <c>meetingops verify --redis</c>: the cluster mode's counterpart of the SQLite verify. Orleans' Redis grain storage
/// keeps each grain's state as a hash at <c>{service id}/state/{grain id}/{state name}</c> with the fields <c>etag</c> and
/// <c>data</c>, where data is the same JSON as the SQLite store writes (the server's RedisGrainStateStorage; earlier
/// builds wrote it through Orleans' Redis storage at the same keys); a meeting's history records are a list at
/// <c>{service id}/log/{grain id}/meeting</c> (none for a meeting still stored whole), so each meeting is read and
/// replayed with the same checks. Keys are found with SCAN in pages (never KEYS, which
/// blocks a live Redis) and read one at a time, so memory stays flat however many meetings there are.
/// </summary>
public static class RedisVerify
{
    private const int ScanPageSize = 250;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? configuration = null;
        var serviceId = "meetingops";
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--redis" when i + 1 < args.Length:
                    configuration = args[++i];
                    break;
                case "--service-id" when i + 1 < args.Length:
                    serviceId = args[++i];
                    break;
                default:
                    await stderr.WriteLineAsync($"error: verify --redis takes a Redis configuration and optionally --service-id <id>; \"{args[i]}\" is not one of them.\n\n{StoreCommands.Help}");
                    return CommandLine.Usage;
            }
        }
        if (string.IsNullOrWhiteSpace(configuration) || string.IsNullOrWhiteSpace(serviceId) || serviceId.AsSpan().IndexOfAny("*?[]\\") >= 0)
        {
            await stderr.WriteLineAsync($"error: verify --redis needs a Redis configuration (host:port,...) and a plain service id.\n\n{StoreCommands.Help}");
            return CommandLine.Usage;
        }

        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(configuration);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or NotSupportedException)
        {
            await stderr.WriteLineAsync($"error: \"{configuration}\" is not a Redis configuration: {e.Message}");
            return CommandLine.Usage;
        }
        if (options.EndPoints.Count == 0)
        {
            await stderr.WriteLineAsync($"error: \"{configuration}\" names no Redis server (host:port).");
            return CommandLine.Usage;
        }
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = 5000;
        options.SyncTimeout = 10000;
        options.AsyncTimeout = 10000;
        options.ClientName ??= "meetingops-verify";

        ConnectionMultiplexer redis;
        try
        {
            redis = await ConnectionMultiplexer.ConnectAsync(options, TextWriter.Null);
        }
        catch (RedisConnectionException e)
        {
            await stderr.WriteLineAsync($"error: cannot reach Redis at {configuration}: {e.Message}");
            return CommandLine.Unreachable;
        }

        var prefix = serviceId + "/state/";
        var meetings = 0;
        var others = 0;
        var damaged = 0;
        try
        {
            await using (redis)
            {
                var database = redis.GetDatabase();
                // Every primary: a Redis Cluster spreads the keys over several.
                foreach (var server in redis.GetServers().Where(s => s.IsConnected && !s.IsReplica))
                {
                    await foreach (var key in server.KeysAsync(database.Database, prefix + "*", pageSize: ScanPageSize))
                    {
                        var name = key.ToString();
                        var (grainId, stateName) = Split(name[prefix.Length..]);
                        var isMeeting = stateName == "meeting";
                        var what = isMeeting ? $"meeting {IdOf(grainId)}" : $"{stateName} {grainId}";
                        var (problem, summary) = await ReadAsync(database, key, isMeeting ? $"{serviceId}/log/{grainId}/{stateName}" : null);
                        if (isMeeting)
                        {
                            meetings++;
                        }
                        else
                        {
                            others++;
                        }
                        if (problem is not null)
                        {
                            damaged++;
                            await stdout.WriteLineAsync($"{what}: DAMAGED: {problem} (key {name})");
                        }
                        else if (isMeeting)
                        {
                            await stdout.WriteLineAsync($"{what}: OK, {summary}");
                        }
                    }
                }
            }
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            await stderr.WriteLineAsync($"error: reading Redis at {configuration} failed part way ({e.Message}); {meetings} meeting(s) read so far. Nothing was changed.");
            return CommandLine.Unreachable;
        }

        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{meetings} meeting(s) read and replayed, {others} other grain state(s) read, under {prefix}*; {damaged} problem(s)."));
        if (meetings + others == 0)
        {
            await stderr.WriteLineAsync($"Nothing found under {prefix}*: check --service-id (the hosts' MeetingOps:ServiceId) and the Redis database.");
        }
        if (damaged > 0)
        {
            await stderr.WriteLineAsync("Damaged: restore Redis from the last good AOF/RDB backup (README, \"Backups and recovery\").");
            return CommandLine.Failed;
        }
        return CommandLine.Ok;
    }

    /// <summary>Reads one grain state's hash as the storage provider does, then checks its JSON (and replays a meeting).</summary>
    private static async Task<(string? Problem, string Summary)> ReadAsync(IDatabase database, RedisKey key, string? recordsKey)
    {
        var isMeeting = recordsKey is not null;
        var type = await database.KeyTypeAsync(key);
        if (type != RedisType.Hash)
        {
            return type == RedisType.None ? (null, "deleted while verify ran") : ($"it is a Redis {type}, not the hash the grain storage writes", "");
        }
        // The head and a meeting's records in one MULTI/EXEC, so they are of one moment (the server writes both in one script).
        var read = database.CreateTransaction();
        var dataRead = read.HashGetAsync(key, "data");
        var recordsRead = isMeeting ? read.ListRangeAsync(recordsKey) : Task.FromResult(Array.Empty<RedisValue>());
        await read.ExecuteAsync();
        var data = await dataRead;
        var records = (await recordsRead).Select(r => (string)r!).ToList();
        if (data.IsNull)
        {
            return ("its hash has no data field", "");
        }
        var bytes = (byte[])data!;
        if (bytes.Length == 0)
        {
            // What Orleans writes when a grain clears its state: nothing to replay.
            return (null, "cleared (no state)");
        }
        string payload;
        try
        {
            payload = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return ("its stored state is not UTF-8 text", "");
        }
        var problem = isMeeting ? StoreCommands.VerifyMeeting(payload, records, out var summary) : StoreCommands.VerifyJson(payload, out summary);
        return (problem, summary);
    }

    /// <summary>"meeting/abc/meeting" → ("meeting/abc", "meeting"): the state name is the last segment.</summary>
    private static (string GrainId, string StateName) Split(string rest)
    {
        var slash = rest.LastIndexOf('/');
        return slash < 0 ? (rest, "") : (rest[..slash], rest[(slash + 1)..]);
    }

    private static string IdOf(string grainId) => grainId[(grainId.IndexOf('/', StringComparison.Ordinal) + 1)..];
}
