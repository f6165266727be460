using Microsoft.Playwright;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.EndToEnd;

/// <summary>
/// A real Chromium (Debian's, no browser download) driven by Playwright, for end-to-end tests against
/// <see cref="VerbatimServer"/>. Screenshots go to TestOutput/screenshots next to the test assembly.
/// </summary>
public sealed class PlaywrightBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private readonly IPlaywright playwright;
    private readonly List<IBrowserContext> contexts = [];

    private PlaywrightBrowser(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestOutput", "screenshots");

    /// <param name="extraArguments">More chromium flags, e.g. a fake microphone playing a file.</param>
    public static async Task<PlaywrightBrowser> LaunchAsync(params string[] extraArguments)
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: install Debian's chromium package (./test.sh does).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--autoplay-policy=no-user-gesture-required", .. extraArguments,
            ],
        });
        return new PlaywrightBrowser(playwright, browser);
    }

    /// <param name="storageState">Cookies of a signed-in user (from <see cref="IBrowserContext.StorageStateAsync"/>), or null for a stranger.</param>
    public async Task<IPage> NewPageAsync(Uri baseAddress, ViewportSize viewport, string? storageState = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = viewport,
            StorageState = storageState,
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        lock (contexts)
        {
            contexts.Add(context);
        }

        return await context.NewPageAsync();
    }

    /// <summary>
    /// Closes every page opened so far. Each open page keeps a circuit on the server (and some keep playing audio),
    /// so tests close theirs rather than let them pile up and slow the ones after.
    /// </summary>
    public async Task CloseContextsAsync()
    {
        IBrowserContext[] open;
        lock (contexts)
        {
            open = [.. contexts];
            contexts.Clear();
        }

        foreach (var context in open)
        {
            await context.CloseAsync();
        }
    }

    /// <summary>Loads a page and waits for Blazor's script, so clicks reach the app.</summary>
    public static async Task<IResponse?> GoToAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        return response;
    }

    /// <param name="fullPage">False: only what the window shows (what is above the fold).</param>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        // Let transitions (dialogs, snackbars, ripples) settle, so the picture shows the finished state.
        await page.WaitForTimeoutAsync(400);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = fullPage });
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
