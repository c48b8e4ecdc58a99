using System.Globalization;
using System.Text.Json;
using MeetingOps.Domain;
using MeetingOps.Storage;
using Orleans.Storage;
using StackExchange.Redis;

namespace MeetingOps.Server.Hosting;

/// <summary>
/// Grain state in Redis, as the same JSON the embedded SQLite store writes. Each state is a hash with the fields
/// <c>etag</c> and <c>data</c> at <c>{serviceId}/state/{grainId}/{stateName}</c> (where Orleans' own Redis storage put
/// it, so state written by earlier builds still reads); an append-only state (<see cref="IAppendOnlyState"/>, a
/// meeting's history) has its records in a list at <c>{serviceId}/log/{grainId}/{stateName}</c>. A write is one Lua
/// script, which Redis runs atomically: it checks the ETag and the number of records stored, appends only the new
/// records and replaces the head. So a meeting's command writes the head and one record whatever its history, with the
/// same ETag fencing as every grain write (a stale activation writes nothing).
/// </summary>
/// <remarks>
/// A write that finds another ETag or another number of records fails with <see cref="InconsistentStateException"/>,
/// the passing failure of a stale activation after a failover, which the edge retries. Redis unreachable, not
/// connected yet, or still loading its data after a restart fails with an <see cref="OrleansException"/> saying
/// <see cref="UnavailablePrefix"/>, which the edge answers 503 at once. What survives a crash of Redis itself is Redis' persistence (AOF), as before.
/// </remarks>
public sealed class RedisGrainStateStorage(string name, string serviceId, ConfigurationOptions redis)
    : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    // KEYS[1] head, KEYS[2] records. ARGV: expected etag ('' none), new etag, head JSON, records already stored, new records...
    private const string WriteScript = """
        local etag = redis.call('HGET', KEYS[1], 'etag')
        if (etag or '') ~= ARGV[1] then return {0, etag or ''} end
        local stored = redis.call('LLEN', KEYS[2])
        if stored ~= tonumber(ARGV[4]) then return {2, tostring(stored)} end
        for i = 5, #ARGV do redis.call('RPUSH', KEYS[2], ARGV[i]) end
        redis.call('HSET', KEYS[1], 'etag', ARGV[2], 'data', ARGV[3])
        return {1, ''}
        """;

    // The head and its records read together, so they are of one moment.
    private const string ReadScript = """
        local head = redis.call('HMGET', KEYS[1], 'etag', 'data')
        if not head[1] then return {} end
        local result = {head[1], head[2] or ''}
        if ARGV[1] == '1' then
            for _, record in ipairs(redis.call('LRANGE', KEYS[2], 0, -1)) do table.insert(result, record) end
        end
        return result
        """;

    private const string ClearScript = """
        local etag = redis.call('HGET', KEYS[1], 'etag')
        if (etag or '') ~= ARGV[1] then return {0, etag or ''} end
        redis.call('DEL', KEYS[1], KEYS[2])
        return {1, ''}
        """;

    private static readonly JsonSerializerOptions Json = MeetingOpsJson.Options;

    private IConnectionMultiplexer? _connection;

    /// <summary>Where a grain's state (its head) is kept.</summary>
    public static string HeadKey(string serviceId, string grainId, string stateName) => $"{serviceId}/state/{grainId}/{stateName}";

    /// <summary>Where an append-only state's records are kept (beside the head, outside the state/ keys verify scans).</summary>
    public static string RecordsKey(string serviceId, string grainId, string stateName) => $"{serviceId}/log/{grainId}/{stateName}";

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var appendOnly = typeof(IAppendOnlyState).IsAssignableFrom(typeof(T));
        var result = await Run(ReadScript, Keys(stateName, grainId), [appendOnly ? "1" : "0"]);
        if (result.Length == 0 || string.IsNullOrEmpty((string?)result[1]))
        {
            // No state, or a state that Orleans' own Redis storage cleared (an empty data field).
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = result.Length == 0 ? null : (string?)result[0];
            grainState.RecordExists = false;
            return;
        }
        // A value that does not read is damaged, not a passing outage: said so by type (DamagedAnswer answers 500).
        T state;
        try
        {
            state = JsonSerializer.Deserialize<T>((string)result[1]!, Json) ?? throw StoredStateDamagedException.For(typeof(T), null);
            if (state is IAppendOnlyState log)
            {
                var records = result.Skip(2).Select(r => (string)r!).ToList();
                log.ReadRecords(records, Json);
                log.StoredRecordCount = records.Count;
            }
        }
        catch (JsonException e)
        {
            throw StoredStateDamagedException.For(typeof(T), e);
        }
        grainState.State = state;
        grainState.ETag = (string)result[0]!;
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var log = grainState.State as IAppendOnlyState;
        var stored = log?.StoredRecordCount ?? 0;
        var etag = Guid.NewGuid().ToString("N");
        var arguments = new List<RedisValue>
        {
            grainState.ETag ?? "", etag, JsonSerializer.Serialize(grainState.State, Json), stored.ToString(CultureInfo.InvariantCulture),
        };
        for (var i = stored; i < (log?.RecordCount ?? 0); i++)
        {
            arguments.Add(log!.WriteRecord(i, Json));
        }
        var result = await Run(WriteScript, Keys(stateName, grainId), [.. arguments]);
        Check("write", stateName, grainId, grainState.ETag, stored, result);
        grainState.ETag = etag;
        grainState.RecordExists = true;
        if (log is not null)
        {
            log.StoredRecordCount = log.RecordCount;
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var result = await Run(ClearScript, Keys(stateName, grainId), [grainState.ETag ?? ""]);
        Check("clear", stateName, grainId, grainState.ETag, 0, result);
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe($"{nameof(RedisGrainStateStorage)}-{name}", ServiceLifecycleStage.ApplicationServices,
            async cancellationToken => _connection = await RedisConnections.ConnectAsync(redis, cancellationToken: cancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    /// <summary>
    /// Runs a script, or fails as "Redis is down" when it cannot: not connected (yet), or still loading its data after
    /// a restart. Both are a dependency that is down, answered 503 at the edge, never a server error.
    /// </summary>
    /// <remarks>
    /// The failure is an <see cref="OrleansException"/> carrying the cause in its message, not StackExchange.Redis' own
    /// exception: a grain call's failure travels back to the host that asked, and Orleans has no codec for Redis'
    /// exception types, so the host that asked got "Could not find a codec for type RedisConnectionException" and
    /// answered 500 instead of 503 after a Redis restart. (Orleans wraps it in "Error from storage provider …", which
    /// <see cref="Transient.DependencyDown"/> knows.)
    /// </remarks>
    private async Task<RedisResult[]> Run(string script, RedisKey[] keys, RedisValue[] values)
    {
        if (_connection is not { IsConnected: true } connection)
        {
            throw Unavailable("not connected to Redis");
        }
        try
        {
            var result = await connection.GetDatabase().ScriptEvaluateAsync(script, keys, values);
            return result.IsNull ? [] : (RedisResult[])result!;
        }
        catch (RedisServerException e) when (e.Message.StartsWith("LOADING", StringComparison.Ordinal) || e.Message.StartsWith("BUSY", StringComparison.Ordinal))
        {
            throw Unavailable($"Redis is not serving yet ({e.Message})");
        }
        catch (Exception e) when (e is RedisConnectionException or RedisTimeoutException)
        {
            throw Unavailable($"{e.GetType().Name}: {e.Message}");
        }
    }

    private OrleansException Unavailable(string why) => new($"{UnavailablePrefix}grain storage '{name}': {why}");

    /// <summary>How a failure of this storage because Redis is down or loading starts, recognised after it crossed silos.</summary>
    public const string UnavailablePrefix = "Redis unavailable: ";

    private RedisKey[] Keys(string stateName, GrainId grainId)
    {
        var id = grainId.ToString();
        return [HeadKey(serviceId, id, stateName), RecordsKey(serviceId, id, stateName)];
    }

    private void Check(string operation, string stateName, GrainId grainId, string? expected, int stored, RedisResult[] result)
    {
        switch ((int)result[0])
        {
            case 1:
                return;
            case 2:
                throw new InconsistentStateException(
                    $"Redis grain storage '{name}' refused to {operation} state '{stateName}' of grain '{grainId}': {(string?)result[1]} records are stored, "
                    + $"the grain believed {stored}.", (string?)result[1] ?? "", expected ?? "");
            default:
                var storedETag = (string?)result[1] ?? "";
                throw new InconsistentStateException(
                    $"Redis grain storage '{name}' refused to {operation} state '{stateName}' of grain '{grainId}': stored ETag "
                    + $"{(storedETag.Length == 0 ? "(none)" : storedETag)}, grain's ETag {expected ?? "(none)"}.", storedETag, expected ?? "");
        }
    }
}
