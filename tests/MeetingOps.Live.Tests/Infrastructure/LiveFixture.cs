using MeetingOps.Tests.Shared;
using Microsoft.Playwright;

namespace MeetingOps.Live.Tests.Infrastructure;

/// <summary>
/// One server process and one headless Chromium for the whole assembly; each test makes its own meeting.
/// Chromium is the machine's (/usr/bin/chromium, installed by the project's scripts); nothing is downloaded.
/// </summary>
public sealed class LiveFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private LiveServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly SemaphoreSlim _browserGate = new(1, 1);

    public LiveServer Server => _server ?? throw new InvalidOperationException("The server is not started.");

    public static string ScreenshotFolder { get; } = Path.Combine(RepoFiles.Root, "artifacts", "screenshots");

    public async Task InitializeAsync() => _server = await LiveServer.StartAsync();

    /// <summary>The browser, started at first use (the hub tests do not need one).</summary>
    public async Task<IBrowser> BrowserAsync()
    {
        await _browserGate.WaitAsync();
        try
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
        finally
        {
            _browserGate.Release();
        }
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
        _browserGate.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class LiveCollection : ICollectionFixture<LiveFixture>
{
    public const string Name = "live server and browser";
}
