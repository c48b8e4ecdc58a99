using MeetingOps.LoadTests.BareHub;

// The bare baseline: the same hub path, REST routes and push shape as MeetingOps, with nothing behind them.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton<BareMeetings>();
builder.Services.AddSignalR(o =>
{
    // The same keep-alive and timeout as MeetingOps' hub, so both servers ping the generator alike.
    o.KeepAliveInterval = TimeSpan.FromSeconds(5);
    o.ClientTimeoutInterval = TimeSpan.FromSeconds(20);
});

var app = builder.Build();
app.MapHub<BareHub>(BareHub.Path);
app.MapBareApi();
app.Run();
