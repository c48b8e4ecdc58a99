using System.Text.Json;
using MeetingOps.Domain;
using Orleans.Storage;

namespace MeetingOps.Server.Hosting;

/// <summary>
/// Grain state in Redis as the same JSON the embedded SQLite store writes (MeetingOps' conventions): one shape for
/// a meeting's state wherever it is kept, readable with redis-cli, and no Orleans attributes on the state classes.
/// </summary>
public sealed class JsonGrainStateSerializer : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, MeetingOpsJson.Options));

    public T Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        // A value that does not read is damaged, not a passing outage: said so by type (DamagedAnswer answers 500).
        try
        {
            return JsonSerializer.Deserialize<T>(input.ToMemory().Span, MeetingOpsJson.Options)
                ?? throw StoredStateDamagedException.For(typeof(T), null);
        }
        catch (JsonException e)
        {
            throw StoredStateDamagedException.For(typeof(T), e);
        }
    }
}
