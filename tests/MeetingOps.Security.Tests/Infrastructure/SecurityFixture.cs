using Microsoft.Playwright;

namespace MeetingOps.Security.Tests.Infrastructure;

/// <summary>
/// One server (default limits, Production logging) and one headless Chromium for the whole suite. The tests run one
/// at a time and each attacks from its own loopback addresses (<see cref="Loopback.Attacker"/>), so what one test
/// used up of an address's allowance never decides another's outcome.
/// </summary>
public sealed class SecurityFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private SecurityServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public SecurityServer Server => _server ?? throw new InvalidOperationException("The server is not started.");

    public async Task InitializeAsync() => _server = await SecurityServer.StartAsync();

    /// <summary>The browser, started at first use (only the XSS tests need one).</summary>
    public async Task<IBrowser> BrowserAsync()
    {
        if (_browser is null)
        {
            if (!File.Exists(ChromiumPath))
            {
                throw new InvalidOperationException(
                    $"{ChromiumPath} is missing: the browser tests need Debian's Chromium (apt-get install -y chromium; .ci/run installs it).");
            }
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--headless"],
                Timeout = 60_000,
            });
        }
        return _browser;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SecurityCollection : ICollectionFixture<SecurityFixture>
{
    public const string Name = "server under attack";
}
