using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Grains;
using MeetingOps.Storage.Sqlite;

namespace MeetingOps.Server.Hosting;

/// <summary>The co-hosted Orleans silo of the embedded default: localhost clustering, grain state in a SQLite file.</summary>
public static class SiloSetup
{
    public const string DatabaseFileName = "meetingops.db";

    public static WebApplicationBuilder AddMeetingOpsSilo(this WebApplicationBuilder builder, MeetingOpsOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort: options.SiloPort, gatewayPort: options.GatewayPort);
            silo.AddCapWatchWakeUp();
            silo.AddSqliteGrainStorage(StorageNames.Meetings, storage =>
            {
                storage.DatabasePath = Path.Combine(options.DataDirectoryFullPath, DatabaseFileName);
                storage.SerializerOptions = MeetingOpsJson.Options;
            });
        });
        builder.Services.AddMeetingOpsSerialization();
        builder.Services.AddKeyedSingleton(Clocks.Meeting, TimeProvider.System);
        builder.Services.AddSingleton<IMeetingPublisher, NoPublisher>();
        builder.Services.AddSingleton<IOrganizerCredential, OrganizerCredential>();
        return builder;
    }
}
