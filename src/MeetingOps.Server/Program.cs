using MeetingOps.Grains;
using MeetingOps.Server.Api;
using MeetingOps.Server.Hosting;
using MeetingOps.Server.Limits;
using MeetingOps.Server.Live;

var builder = InstallationFolder.CreateBuilder(args); // pages and settings from the installation, wherever it is started
var options = builder.AddMeetingOpsOptions();
builder.AddMeetingOpsSilo(options);
builder.AddMeetingOpsWeb(options);
builder.AddMeetingOpsResilience();
builder.AddMeetingOpsObservability(options);
builder.AddMeetingOpsLive(); // after the silo: replaces the no-op publisher with the hub's
builder.AddMeetingOpsFloor();
builder.AddMeetingOpsLimits();

var app = builder.Build();
app.Services.GetRequiredService<IOrganizerCredential>(); // generated (and printed) at start, not at the first request
app.UseMeetingOpsErrors();
app.UseMeetingOpsLimits(); // before routing: every route and the hub's connections, including routes added later
app.MapMeetingsApi();
app.MapCommandsApi();
app.MapScheduleApi();
app.MapExtendApi();
app.MapRecordsApi();
app.MapFloorApi();
app.MapImportApi();
app.MapWorkspaceApi();
app.MapDefinitionApi();
app.MapTranslationsApi();
app.MapAnnouncementsApi();
app.MapShareApi();
app.MapDiagnosticsApi();
app.MapMeetingOpsHealth(options);
app.MapMeetingOpsDashboard(options);
app.MapMeetingOpsLive();
app.MapOpenApi();
app.Run();

/// <summary>Visible to the tests that start the host in process.</summary>
public partial class Program;
