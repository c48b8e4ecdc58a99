using Orleans.Hosting;
using Orleans.Providers;

namespace MeetingOps.Storage.Sqlite;

/// <summary>Registers <see cref="SqliteGrainStorage"/> on a silo, in the style of Orleans' AddMemoryGrainStorage.</summary>
public static class SqliteGrainStorageSiloBuilderExtensions
{
    /// <summary>Adds a SQLite grain storage provider named <paramref name="name"/>.</summary>
    public static ISiloBuilder AddSqliteGrainStorage(
        this ISiloBuilder builder, string name, Action<SqliteGrainStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSqliteGrainStorage(name, configure);
        return builder;
    }

    /// <summary>Adds a SQLite grain storage provider as the default one (<see cref="ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME"/>).</summary>
    public static ISiloBuilder AddSqliteGrainStorageAsDefault(
        this ISiloBuilder builder, Action<SqliteGrainStorageOptions> configure)
        => builder.AddSqliteGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configure);
}
