using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Grains;
using MeetingOps.Storage.Sqlite;

namespace MeetingOps.Server.Hosting;

/// <summary>
/// The co-hosted Orleans silo. Embedded default: localhost clustering, grain state in a SQLite file. Cluster mode
/// (MeetingOps:Redis): see <see cref="ClusterSetup"/>. Web-only role: an Orleans client instead of a silo.
/// </summary>
public static class SiloSetup
{
    public const string DatabaseFileName = "meetingops.db";

    public static WebApplicationBuilder AddMeetingOpsSilo(this WebApplicationBuilder builder, MeetingOpsOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsWebOnly)
        {
            builder.UseOrleansClient(client =>
            {
                client.AddMeetingOpsTracing(builder.Configuration);
                client.UseMeetingOpsClusterClient(options);
            });
        }
        else
        {
            builder.UseOrleans(silo =>
            {
                silo.AddMeetingOpsTracing(builder.Configuration);
                silo.BoundDirectoryCache(); // random ids from outside must not fill it
                if (options.IsCluster)
                {
                    silo.UseMeetingOpsCluster(options);
                    return;
                }
                silo.UseLocalhostClustering(siloPort: options.SiloPort, gatewayPort: options.GatewayPort);
                silo.AddCapWatchWakeUp();
                silo.AddSqliteGrainStorage(StorageNames.Meetings, storage =>
                {
                    storage.DatabasePath = Path.Combine(options.DataDirectoryFullPath, DatabaseFileName);
                    storage.SerializerOptions = MeetingOpsJson.Options;
                    storage.MaxPageCount = options.DatabaseMaxMegabytes * 256; // SQLite's default page of 4 KB
                });
            });
        }
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(options.ShutdownTimeoutSeconds));
        builder.Services.AddMeetingOpsSerialization();
        builder.Services.AddKeyedSingleton(Clocks.Meeting, TimeProvider.System);
        builder.Services.AddSingleton<IMeetingPublisher, NoPublisher>();
        builder.Services.AddSingleton<IOrganizerCredential, OrganizerCredential>();
        return builder;
    }
}
