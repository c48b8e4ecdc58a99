using Microsoft.Playwright;

namespace MeetingOps.Live.Tests.Infrastructure;

/// <summary>
/// Browser contexts (one per device: the podium laptop, a room screen, a phone) on the live server, with their errors
/// kept; on <paramref name="server"/> when a test runs its own (to kill and restart it), else on the fixture's.
/// </summary>
public sealed class Pages(LiveFixture fixture, LiveServer? server = null) : IAsyncDisposable
{
    public static readonly (int Width, int Height) Desktop = (1920, 1080);
    public static readonly (int Width, int Height) Phone = (390, 844);

    /// <summary>
    /// How long an expectation waits for a pushed change to show. Generous on purpose: Playwright polls on a coarse
    /// grid (100, 250, 500, 1000 ms), so its waits say nothing precise about speed. How fast a change shows is measured
    /// in the pages themselves (<see cref="WatchTextAsync"/>, <see cref="NowAsync"/>) and at scale by loadtests/.
    /// </summary>
    public const float Push = 5000;

    /// <summary>How long a page may take to load, connect or reconnect.</summary>
    public const float Load = 15_000;

    private readonly List<IBrowserContext> _contexts = [];

    /// <summary>Console errors and uncaught exceptions of every page opened here (a CSP violation shows up as one).</summary>
    public List<string> Errors { get; } = [];

    /// <summary>A browser context: one device (a laptop, a room screen, a phone) in a time zone.</summary>
    public async Task<IBrowserContext> DeviceAsync((int Width, int Height)? viewport = null, string? timeZone = null, bool phone = false)
    {
        var browser = await fixture.BrowserAsync();
        var size = viewport ?? (phone ? Phone : Desktop);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (server ?? fixture.Server).BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = size.Width, Height = size.Height },
            TimezoneId = timeZone ?? "Europe/Vienna",
            Locale = "en-GB",
            IsMobile = phone,
            HasTouch = phone,
            DeviceScaleFactor = 1,
        });
        _contexts.Add(context);
        return context;
    }

    /// <summary>Opens a page on a new device, or in a tab of <paramref name="device"/>.</summary>
    public async Task<IPage> OpenAsync(string path, (int Width, int Height)? viewport = null, string? timeZone = null, bool phone = false,
        IBrowserContext? device = null)
    {
        var context = device ?? await DeviceAsync(viewport, timeZone, phone);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (Errors)
                {
                    Errors.Add($"{path}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (Errors)
            {
                Errors.Add($"{path}: {error}");
            }
        };
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>Opens a live page and waits until it says it is live.</summary>
    public async Task<IPage> OpenLiveAsync(string path, (int Width, int Height)? viewport = null, string? timeZone = null, bool phone = false,
        IBrowserContext? device = null)
    {
        var page = await OpenAsync(path, viewport, timeZone, phone, device);
        await WaitLiveAsync(page);
        return page;
    }

    public static async Task WaitLiveAsync(IPage page)
    {
        if (page.Url.Contains("/display/", StringComparison.Ordinal))
        {
            await page.WaitForFunctionAsync("() => document.body.dataset.connection === 'live' && window.meetingOpsLive?.version >= 0",
                null, new PageWaitForFunctionOptions { Timeout = Load });
        }
        else
        {
            await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Live", new() { Timeout = Load });
            await page.WaitForFunctionAsync("() => window.meetingOpsLive?.version >= 0", null, new PageWaitForFunctionOptions { Timeout = Load });
        }
    }

    /// <summary>Who presides in the tests' chair consoles.</summary>
    public const string Presiding = "Ms. Ana Silva";

    /// <summary>The chair console with the key and the presiding officer's name entered once.</summary>
    public async Task<IPage> OpenChairAsync(string meetingId, string chairKey, bool phone = false, IBrowserContext? device = null,
        (int Width, int Height)? viewport = null)
    {
        var page = await OpenAsync($"/chair/{meetingId}", viewport: viewport, phone: phone, device: device);
        await page.Locator("#key-input").FillAsync(chairKey);
        await page.Locator("#name-input").FillAsync(Presiding);
        await page.Locator("#key-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#console")).ToBeVisibleAsync();
        await WaitLiveAsync(page);
        return page;
    }

    /// <summary>
    /// Starts watching the page for <paramref name="text"/> in <paramref name="selector"/>; <see cref="SeenAtAsync"/>
    /// then says when it appeared, on the browser's clock (performance.timeOrigin + now: one clock for all pages).
    /// </summary>
    public static Task WatchTextAsync(IPage page, string watch, string selector, string text) => page.EvaluateAsync(
        """
        ([watch, selector, text]) => {
          window.__seen ??= {};
          window.__seen[watch] = new Promise(resolve => {
            const shown = () => (document.querySelector(selector)?.textContent ?? '').includes(text);
            if (shown()) { resolve(performance.timeOrigin + performance.now()); return; }
            const observer = new MutationObserver(() => {
              if (shown()) { observer.disconnect(); resolve(performance.timeOrigin + performance.now()); }
            });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
          });
        }
        """, new[] { watch, selector, text });

    /// <summary>When the watched text appeared (browser clock, ms).</summary>
    public static Task<double> SeenAtAsync(IPage page, string watch) =>
        page.EvaluateAsync<double>("watch => window.__seen[watch]", watch);

    /// <summary>Now, on the browser's clock (ms).</summary>
    public static Task<double> NowAsync(IPage page) => page.EvaluateAsync<double>("() => performance.timeOrigin + performance.now()");

    /// <summary>The page's meeting version (what it last applied).</summary>
    public static Task<long> VersionAsync(IPage page) => page.EvaluateAsync<long>("() => window.meetingOpsLive.version");

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(LiveFixture.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(LiveFixture.ScreenshotFolder, $"{name}.png"), FullPage = false });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
    }
}
