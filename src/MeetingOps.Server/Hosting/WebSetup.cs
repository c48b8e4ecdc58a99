using MeetingOps.Domain;
using MeetingOps.Domain.Definition;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MeetingOps.Server.Hosting;

/// <summary>Options, JSON, problem details, health and OpenAPI: the web side of the host.</summary>
public static class WebSetup
{
    /// <summary>Binds and validates the MeetingOps options now: the silo needs them before the host starts.</summary>
    public static MeetingOpsOptions AddMeetingOpsOptions(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<MeetingOpsOptions>().BindConfiguration(MeetingOpsOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MeetingOpsOptions>, MeetingOpsOptionsValidator>();
        var options = builder.Configuration.GetSection(MeetingOpsOptions.Section).Get<MeetingOpsOptions>() ?? new MeetingOpsOptions();
        var result = new MeetingOpsOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(MeetingOpsOptions.Section, typeof(MeetingOpsOptions), result.Failures);
        }
        return options;
    }

    public static WebApplicationBuilder AddMeetingOpsWeb(this WebApplicationBuilder builder, MeetingOpsOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.Services.ConfigureHttpJsonOptions(o => MeetingOpsJson.Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Api.FrameworkProblems.Describe);
        builder.Services.AddExceptionHandler<DamagedAnswer>(); // before the 503 answer: a damaged row is not an outage
        builder.Services.AddSingleton<DamagedMeetings>();
        builder.Services.AddOpenApi();
        // Startup: the silo has joined (web-only: a grain call answers). Ready: a grain call round-trips; in a cluster also
        // Redis answers and this silo is an active member.
        var health = builder.Services.AddHealthChecks().AddCheck<ReadinessCheck>("silo", tags: options.IsWebOnly ? ["ready", "startup"] : ["ready"]);
        if (!options.IsWebOnly)
        {
            health.AddCheck<MembershipCheck>("membership", tags: options.IsCluster ? ["ready", "startup"] : ["startup"]);
        }
        if (!options.IsCluster && !options.IsWebOnly)
        {
            health.AddCheck<StorageCheck>("storage", tags: ["ready"]);
        }
        if (options.IsCluster)
        {
            builder.Services.AddSingleton<RedisReachable>();
            health.AddCheck<RedisReachable>("redis", tags: ["ready"]);
            health.AddCheck<DamagedStateCheck>("stored state", tags: ["ready"]);
        }
        // A definition is the largest thing anyone sends; leave room for it and nothing much more.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = DefinitionReader.MaxBytes + 64 * 1024);
        return builder;
    }

    /// <summary>Every error, including ones nobody foresaw, answers as problem+json; a silo that cannot be reached answers 503.</summary>
    public static WebApplication UseMeetingOpsErrors(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                TimeoutException or OrleansException or OperationCanceledException => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePages();
        app.Use(DamagedAnswer.AnswerKnownDamage); // a meeting known damaged answers 500 without another activation
        return app;
    }

    public static WebApplication MapMeetingOpsHealth(this WebApplication app, MeetingOpsOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        // Live: the process answers. Startup: the silo has started (joined the cluster). Ready: the silo and its storage
        // answer a grain call (in a cluster also: Redis answers, this silo is an active member).
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        // Startup answers with each check's words; so does ready in a cluster (the embedded host keeps its plain answer).
        app.MapHealthChecks("/health/startup", new() { Predicate = c => c.Tags.Contains("startup"), ResponseWriter = HealthReportWriter.Write });
        var ready = new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") };
        if (options.IsCluster)
        {
            ready.ResponseWriter = HealthReportWriter.Write;
        }
        app.MapHealthChecks("/health/ready", ready);
        return app;
    }
}
