using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Providers;
using Orleans.Runtime.Hosting;

namespace MeetingOps.Storage.Sqlite;

/// <summary>Registers <see cref="SqliteGrainStorage"/> on a service collection (for hosts that configure services directly).</summary>
public static class SqliteGrainStorageServiceCollectionExtensions
{
    /// <summary>Adds a SQLite grain storage provider named <paramref name="name"/>.</summary>
    public static IServiceCollection AddSqliteGrainStorage(
        this IServiceCollection services, string name, Action<SqliteGrainStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<SqliteGrainStorageOptions>(name).Configure(configure);
        // Orleans' AddGrainStorage registers the keyed IGrainStorage, the unkeyed default when the name is
        // "Default", and the silo lifecycle participation that opens the database at start.
        services.AddGrainStorage(name, static (provider, providerName) =>
            new SqliteGrainStorage(
                providerName,
                provider.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get(providerName)));
        return services;
    }

    /// <summary>Adds a SQLite grain storage provider as the default one (used by grains that name no provider).</summary>
    public static IServiceCollection AddSqliteGrainStorageAsDefault(
        this IServiceCollection services, Action<SqliteGrainStorageOptions> configure)
        => services.AddSqliteGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configure);
}
