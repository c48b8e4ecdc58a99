using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Storage;

namespace MeetingOps.Storage.Sqlite.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public async Task Named_registration_resolves_a_keyed_storage_with_its_own_options()
    {
        using var db = new TempDatabase();
        var services = new ServiceCollection();
        services.AddSqliteGrainStorage("meetings", o => o.DatabasePath = db.Path);

        await using (var provider = services.BuildServiceProvider())
        {
            var storage = Assert.IsType<SqliteGrainStorage>(provider.GetRequiredKeyedService<IGrainStorage>("meetings"));
            Assert.Equal(db.Path, storage.DatabasePath);
            Assert.Null(provider.GetService<IGrainStorage>());
        }
    }

    [Fact]
    public async Task Default_registration_is_also_the_unkeyed_storage()
    {
        using var db = new TempDatabase();
        var services = new ServiceCollection();
        services.AddSqliteGrainStorageAsDefault(o => o.DatabasePath = db.Path);

        await using (var provider = services.BuildServiceProvider())
        {
            var keyed = provider.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
            Assert.IsType<SqliteGrainStorage>(keyed);
            Assert.Same(keyed, provider.GetRequiredService<IGrainStorage>());
        }
    }
}
