using MeetingOps.Domain;
using MeetingOps.Grains;
using MeetingOps.Server.Api;
using MeetingOps.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace MeetingOps.Server.Live;

/// <summary>The live side of the host: the SignalR hub, the publisher the grains call, and the pages.</summary>
public static class LiveSetup
{
    /// <summary>The pages: route → file in wwwroot.</summary>
    public static readonly IReadOnlyList<(string Route, string File)> Pages =
    [
        ("/", "index.html"),
        ("/chair/{id}", "chair.html"),
        ("/display/{id}", "display.html"),
        ("/follow/{id}", "follow.html"),
        ("/programme/{id}", "programme.html"),
        ("/secretariat/{id}", "secretariat.html"),
    ];

    // Scripts and styles come from this host only; the hub is on this host too ('self' covers ws: and wss: to it).
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    /// <summary>
    /// SignalR with JSON (the MeetingOps JSON conventions) and MessagePack, stateful reconnect allowed, a size limit
    /// on incoming messages, a per-connection call limit; the grains' publisher becomes the hub one.
    /// Call after the silo is added (it replaces the silo's do-nothing publisher).
    /// </summary>
    public static WebApplicationBuilder AddMeetingOpsLive(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<LiveOptions>()
            .Configure<IConfiguration>((o, configuration) => o.AllowedOrigins = LiveOptions.ReadAllowedOrigins(configuration))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<LiveOptions>, LiveOptionsValidator>();
        builder.Services.AddSingleton<HubCallLimit>();
        builder.Services.AddSingleton<HubFailureLog>();
        builder.Logging.AddFilter(HubFailureLog.DispatcherCategory, LogLevel.Critical); // HubFailureLog logs failed calls instead
        builder.Services.AddSingleton<HubDamagedMeeting>();
        builder.Services.AddSignalR(o =>
            {
                o.MaximumReceiveMessageSize = LiveOptions.MaxReceiveMessageBytes;
                // Pages notice a dead network within seconds (they time out after 12 s without a ping), and so does the server.
                o.KeepAliveInterval = LiveOptions.KeepAliveInterval;
                o.ClientTimeoutInterval = LiveOptions.ClientTimeoutInterval;
                o.AddFilter<HubFailureLog>(); // first, so it sees what the filters after it throw
                o.AddFilter<HubCallLimit>();
                o.AddFilter<HubDamagedMeeting>(); // a damaged meeting answered like REST, without another activation
            })
            .AddJsonProtocol(o => MeetingOpsJson.Configure(o.PayloadSerializerOptions))
            .AddMessagePackProtocol();
        builder.Services.AddSingleton<FollowerPushes>();
        builder.Services.RemoveAll<IMeetingPublisher>();
        builder.Services.AddSingleton<IMeetingPublisher, MeetingHubPublisher>();
        var options = builder.Configuration.GetSection(MeetingOpsOptions.Section).Get<MeetingOpsOptions>() ?? new MeetingOpsOptions();
        if (options.IsCluster)
        {
            // Pushes reach the other hosts' followers over Orleans, one message per host (no SignalR Redis backplane).
            builder.Services.AddHostedService<FollowersRelayService>();
        }
        return builder;
    }

    /// <summary>Maps the hub at <see cref="MeetingHub.Path"/> (origin-checked) and serves the pages and their files from wwwroot.</summary>
    public static WebApplication MapMeetingOpsLive(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(c => c.Request.Path.StartsWithSegments(MeetingHub.Path), branch => branch.UseMiddleware<OriginCheck>());
        app.UseStaticFiles(new StaticFileOptions
        {
            // Revalidate every time (ETag): a room screen left running for days picks up a new version at its next load.
            OnPrepareResponse = c =>
            {
                c.Context.Response.Headers.CacheControl = "no-cache";
                c.Context.Response.Headers.XContentTypeOptions = "nosniff";
            },
        });
        app.MapHub<MeetingHub>(MeetingHub.Path, o => o.AllowStatefulReconnects = true);

        var pages = app.MapGroup("").ExcludeFromDescription();
        foreach (var (route, file) in Pages)
        {
            if (route.Contains("{id}", StringComparison.Ordinal))
            {
                pages.MapGet(route, (string id, HttpContext http, IWebHostEnvironment environment) => Page(http, environment.WebRootFileProvider, file, id));
            }
            else
            {
                pages.MapGet(route, (HttpContext http, IWebHostEnvironment environment) => Page(http, environment.WebRootFileProvider, file, null));
            }
        }
        return app;
    }

    private static Results<PhysicalFileHttpResult, ProblemHttpResult> Page(HttpContext http, IFileProvider files, string file, string? id)
    {
        if (id is not null && !MeetingId.IsValid(id))
        {
            return Problems.From(Refusal.NoMeeting(id));
        }
        var page = files.GetFileInfo(file);
        if (!page.Exists || page.PhysicalPath is null)
        {
            return Problems.Unavailable($"The page {file} is missing from this installation (wwwroot).", ServerPhrases.HostPageMissing.With(("page", file)));
        }
        var headers = http.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        return TypedResults.PhysicalFile(page.PhysicalPath, "text/html; charset=utf-8", lastModified: page.LastModified);
    }
}
