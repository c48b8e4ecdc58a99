using MeetingOps.Grains;
using MeetingOps.Server.Api;
using MeetingOps.Server.Hosting;
using MeetingOps.Server.Live;

var builder = WebApplication.CreateBuilder(args);
var options = builder.AddMeetingOpsOptions();
builder.AddMeetingOpsSilo(options);
builder.AddMeetingOpsWeb(options);
builder.AddMeetingOpsResilience();
builder.AddMeetingOpsObservability(options);
builder.AddMeetingOpsLive(); // after the silo: replaces the no-op publisher with the hub's
builder.AddMeetingOpsFloor();

var app = builder.Build();
app.Services.GetRequiredService<IOrganizerCredential>(); // generated (and printed) at start, not at the first request
app.UseMeetingOpsErrors();
app.MapMeetingsApi();
app.MapCommandsApi();
app.MapScheduleApi();
app.MapExtendApi();
app.MapRecordsApi();
app.MapFloorApi();
app.MapImportApi();
app.MapWorkspaceApi();
app.MapDefinitionApi();
app.MapMeetingOpsHealth(options);
app.MapMeetingOpsDashboard(options);
app.MapMeetingOpsLive();
app.MapOpenApi();
app.Run();

/// <summary>Visible to the tests that start the host in process.</summary>
public partial class Program;
