using MeetingOps.Domain;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace MeetingOps.Contracts;

/// <summary>
/// Registers System.Text.Json, with MeetingOps' JSON conventions, as the Orleans codec for domain types.
/// Silo and client must both call it. Why JSON rather than generated serializers: the domain library stays
/// pure (no Orleans attributes), and the wire form of a value is the same JSON the API and storage use.
/// </summary>
public static class OrleansSerialization
{
    public static bool IsDomainType(Type type) =>
        type.Namespace is { } ns && (ns == typeof(Meeting).Namespace || ns.StartsWith(typeof(Meeting).Namespace + ".", StringComparison.Ordinal));

    public static IServiceCollection AddMeetingOpsSerialization(this IServiceCollection services) =>
        services.AddSerializer(serializer => serializer.AddJsonSerializer(
            isSupported: IsDomainType,
            jsonSerializerOptions: MeetingOpsJson.Options));
}
