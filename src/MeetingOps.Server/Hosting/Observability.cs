using System.Text;
using Orleans.Dashboard;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MeetingOps.Server.Hosting;

/// <summary>
/// OpenTelemetry metrics and traces (Orleans' meter and activities, ASP.NET Core, the Polly pipelines), exported over
/// OTLP when the standard OTEL_EXPORTER_OTLP_ENDPOINT is set (and only then); OTEL_SERVICE_NAME defaults to meetingops.
/// The Orleans Dashboard at /dashboard in cluster mode, behind the organizer key.
/// </summary>
public static class Observability
{
    public const string DashboardPath = "/dashboard";

    public static WebApplicationBuilder AddMeetingOpsObservability(this WebApplicationBuilder builder, MeetingOpsOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return builder;
        }
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : "meetingops";
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceInstanceId: Environment.GetEnvironmentVariable("POD_NAME") ?? Environment.MachineName))
            .WithMetrics(m => m
                .AddMeter("Microsoft.Orleans")
                .AddMeter("Polly")
                .AddMeter(Limits.ClientLimits.MeterName)
                .AddAspNetCoreInstrumentation())
            .WithTracing(t => t
                .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health")))
            .UseOtlpExporter();
        return builder;
    }

    /// <summary>Orleans' activities for grain calls, so traces cross silos (only when traces are exported).</summary>
    public static void AddMeetingOpsTracing(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            silo.AddActivityPropagation();
        }
    }

    /// <summary>The same for a web-only host's Orleans client.</summary>
    public static void AddMeetingOpsTracing(this IClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            client.AddActivityPropagation();
        }
    }

    /// <summary>The dashboard's endpoints; a request without the organizer key (Bearer, or Basic with it as the password) gets a login prompt.</summary>
    public static WebApplication MapMeetingOpsDashboard(this WebApplication app, MeetingOpsOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsCluster || options.IsWebOnly)
        {
            return app;
        }
        app.UseWhen(c => c.Request.Path.StartsWithSegments(DashboardPath), branch => branch.Use(async (context, next) =>
        {
            var organizer = context.RequestServices.GetRequiredService<Grains.IOrganizerCredential>();
            if (organizer.Matches(PresentedKey(context.Request)))
            {
                await next(context);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"MeetingOps dashboard (user: organizer, password: the organizer key)\", charset=\"UTF-8\"";
            await context.Response.WriteAsync("The dashboard needs the organizer key.");
        }));
        app.MapOrleansDashboard(DashboardPath);
        return app;
    }

    /// <summary>The key from "Bearer key" or from "Basic base64(user:key)".</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                return colon < 0 ? null : pair[(colon + 1)..];
            }
            catch (FormatException)
            {
                return null;
            }
        }
        return null;
    }
}
