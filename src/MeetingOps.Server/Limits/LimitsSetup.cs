using Microsoft.Extensions.Options;

namespace MeetingOps.Server.Limits;

/// <summary>Registers the client limits (options <c>MeetingOps:RateLimits</c>) and puts them at the front of the pipeline.</summary>
public static class LimitsSetup
{
    public static WebApplicationBuilder AddMeetingOpsLimits(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        builder.Services.AddSingleton<ClientLimits>();
        builder.Services.AddSingleton<HubClientLimit>();
        // Ahead of the per-connection limit: the address's allowance is spent first, across all its connections.
        builder.Services.Configure<Microsoft.AspNetCore.SignalR.HubOptions>(o => Microsoft.AspNetCore.SignalR.HubOptionsExtensions.AddFilter<HubClientLimit>(o));
        return builder;
    }

    public static WebApplication UseMeetingOpsLimits(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<ClientLimitMiddleware>();
        return app;
    }

    private sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
    {
        public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
        {
            var failures = options.Failures().ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
