using Microsoft.Extensions.Options;

namespace MeetingOps.Server.Live;

/// <summary>
/// Settings of the live hub, read from the "MeetingOps" section: <c>MeetingOps:AllowedOrigins</c> lists the
/// origins (scheme://host[:port]) whose pages may connect to the hub besides the host's own origin; empty means
/// the host's own origin and loopback origins only. Give it as an array (MeetingOps__AllowedOrigins__0=…) or as
/// one comma-separated value (MeetingOps__AllowedOrigins=https://a.example,https://b.example).
/// </summary>
public sealed class LiveOptions
{
    public const string Section = "MeetingOps";
    public const string AllowedOriginsKey = "AllowedOrigins";

    /// <summary>Largest message a client may send to the hub. Commands are a few hundred bytes.</summary>
    public const int MaxReceiveMessageBytes = 32 * 1024;

    /// <summary>How often the server pings a connection; the pages give up on a silent server after 12 s.</summary>
    public static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(5);

    /// <summary>How long the server waits for a silent client (the pages ping every 5 s).</summary>
    public static readonly TimeSpan ClientTimeoutInterval = TimeSpan.FromSeconds(20);

    /// <summary>Hub calls per connection per second, on average (token bucket)...</summary>
    public const int CallsPerSecond = 10;

    /// <summary>...and in a burst.</summary>
    public const int CallBurst = 10;

    /// <summary>The configured origins as written (checked at start).</summary>
    public IReadOnlyList<string> AllowedOrigins { get; set; } = [];

    /// <summary>Reads MeetingOps:AllowedOrigins, as an array or one comma- or space-separated value.</summary>
    public static IReadOnlyList<string> ReadAllowedOrigins(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section).GetSection(AllowedOriginsKey);
        IEnumerable<string> values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
    }

    /// <summary>An origin as browsers send it: lowercase scheme and host, the port only when it is not the scheme's default.</summary>
    public static bool TryNormalizeOrigin(string? text, out string origin)
    {
        origin = "";
        if (string.IsNullOrWhiteSpace(text) || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) ||
            uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return false;
        }
        origin = uri.IsDefaultPort ? $"{uri.Scheme}://{uri.Host}".ToLowerInvariant() : $"{uri.Scheme}://{uri.Host}:{uri.Port}".ToLowerInvariant();
        return true;
    }
}

/// <summary>Checks MeetingOps:AllowedOrigins at start, so a typo stops the host with a message instead of locking pages out later.</summary>
public sealed class LiveOptionsValidator : IValidateOptions<LiveOptions>
{
    public ValidateOptionsResult Validate(string? name, LiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var bad = options.AllowedOrigins.Where(o => !LiveOptions.TryNormalizeOrigin(o, out _)).ToList();
        return bad.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(bad.Select(o =>
                $"MeetingOps:AllowedOrigins: \"{o}\" is not an origin; write scheme://host[:port] with no path, e.g. https://meetings.example.org."));
    }
}
