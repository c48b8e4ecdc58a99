using MeetingOps.Grains;
using MeetingOps.Server.Api;
using MeetingOps.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
var options = builder.AddMeetingOpsOptions();
builder.AddMeetingOpsSilo(options);
builder.AddMeetingOpsWeb();

var app = builder.Build();
app.Services.GetRequiredService<IOrganizerCredential>(); // generated (and printed) at start, not at the first request
app.UseMeetingOpsErrors();
app.MapMeetingsApi();
app.MapCommandsApi();
app.MapScheduleApi();
app.MapMeetingOpsHealth();
app.MapOpenApi();
app.Run();

/// <summary>Visible to the tests that start the host in process.</summary>
public partial class Program;
