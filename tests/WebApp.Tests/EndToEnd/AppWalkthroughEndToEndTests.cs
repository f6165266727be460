using Microsoft.Playwright;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.EndToEnd;

/// <summary>
/// What a walk through the app at 1280×800 found (issue 9): the Transcribe button in view and never under the
/// completion snackbar, one duration everywhere, titles without the file's extension, and the usage page.
/// </summary>
[Collection(ReaderEndToEndCollection.Name)]
public sealed class AppWalkthroughEndToEndTests(ReaderServerFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => fixture.Browser.CloseContextsAsync();

    [Fact]
    public async Task Upload_ButtonInView_SnackbarBesideIt_OneDurationEverywhere_TitleWithoutExtension_UsageCounts()
    {
        var page = await fixture.SignedInPageAsync(PlaywrightBrowser.Desktop);
        var stem = $"weekly-sync-{Guid.NewGuid():N}"[..20];
        var file = Path.Combine(Path.GetDirectoryName(TestSpeech.NewPath(".mp3"))!, stem + ".mp3");
        File.Copy(TestSpeech.Convert(TestSpeech.Say("the weekly sync starts with the numbers and ends with the plans for next week"), ".mp3"), file);

        await PlaywrightBrowser.GoToAsync(page, "transcripts/new");
        await page.WaitForSelectorAsync("[data-testid=drop-zone][data-ready=true]", new() { State = WaitForSelectorState.Attached });
        await page.SetInputFilesAsync("[data-testid=upload-input]", file);
        await Expect(page.Locator("[data-testid=upload-item]")).ToHaveAttributeAsync("data-state", "ready");
        await page.CheckAsync("[data-testid=option-sentiment_analysis] input[type=checkbox]");
        await page.CheckAsync("[data-testid=option-auto_highlights] input[type=checkbox]");
        var submit = page.Locator("[data-testid=submit]");
        await Expect(submit).ToBeInViewportAsync(new() { Ratio = 1 });
        await PlaywrightBrowser.ScreenshotAsync(page, "walkthrough-upload-ready", fullPage: false);
        await submit.ClickAsync();

        var item = page.Locator("[data-testid=upload-item]");
        await Expect(item.Locator("[data-testid=status-chip]")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 120_000 });
        var snackbar = page.Locator(".mud-snackbar").First;
        await Expect(snackbar).ToBeVisibleAsync();
        await PlaywrightBrowser.ScreenshotAsync(page, "walkthrough-upload-completed", fullPage: false);
        var button = (await submit.BoundingBoxAsync())!;
        var notice = (await snackbar.BoundingBoxAsync())!;
        Assert.False(Overlaps(button, notice), $"the snackbar ({notice.X},{notice.Y} {notice.Width}×{notice.Height}) covers the button ({button.X},{button.Y})");
        await Expect(submit).ToBeInViewportAsync(new() { Ratio = 1 });

        var transcriptId = await item.GetAttributeAsync("data-transcript-id");
        await PlaywrightBrowser.GoToAsync(page, "transcripts");
        var row = page.Locator($"[data-testid=transcript-row][data-id='{transcriptId}']");
        await Expect(row.Locator("[data-testid=transcript-link]")).ToHaveTextAsync(stem);
        var libraryDuration = (await row.Locator("td[data-label=Duration]").InnerTextAsync()).Trim();
        await PlaywrightBrowser.ScreenshotAsync(page, "walkthrough-library", fullPage: false);

        await PlaywrightBrowser.GoToAsync(page, $"transcripts/{transcriptId}");
        await page.WaitForSelectorAsync("[data-testid=reader-transcript][data-ready=true]");
        await Expect(page.Locator(".reader-header h1")).ToHaveTextAsync(stem);
        var details = await page.Locator(".reader-header .page-header__text p").InnerTextAsync();
        Assert.Contains($" · {libraryDuration} · ", details);
        Assert.Contains(stem + ".mp3", details);
        // The player counts whole seconds as Chromium's controls show them: floor of the element's duration.
        var playerSeconds = await page.EvalOnSelectorAsync<double>("[data-testid=reader-audio]",
            "a => new Promise(r => a.readyState >= 1 ? r(a.duration) : a.addEventListener('loadedmetadata', () => r(a.duration)))");
        var player = TimeSpan.FromSeconds(Math.Floor(playerSeconds));
        Assert.Equal(libraryDuration, $"{(int)player.TotalMinutes}:{player.Seconds:00}");
        await Expect(page.Locator("[data-testid=reader-insights]")).ToBeVisibleAsync();
        await PlaywrightBrowser.ScreenshotAsync(page, "walkthrough-reader", fullPage: false);

        await PlaywrightBrowser.GoToAsync(page, "usage");
        await Expect(page.Locator("[data-testid=usage-chart] svg")).ToBeVisibleAsync();
        var jobs = int.Parse(await page.Locator("[data-testid=usage-total-jobs] p").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(jobs >= 1);
        // The chart spans its card (it once drew at half the width), and the days read like every other date in the app.
        await Expect(page.Locator("[data-testid=usage-chart] svg path.mud-chart-bar")).ToHaveCountAsync(WebApp.Usage.UsageEndpoints.DefaultDays);
        var card = await page.Locator("[data-testid=usage-chart]").BoundingBoxAsync();
        var barsSpan = await page.EvalOnSelectorAllAsync<double>("[data-testid=usage-chart] svg path.mud-chart-bar",
            "bars => { const boxes = bars.map(b => b.getBoundingClientRect()); return Math.max(...boxes.map(b => b.right)) - Math.min(...boxes.map(b => b.left)); }");
        Assert.True(barsSpan >= 0.75 * card!.Width, $"bars span {barsSpan} px of a card {card.Width} px wide");
        foreach (var day in await page.Locator("input[data-testid=usage-range]").AllAsync())
        {
            Assert.Matches(@"^\d{1,2} [A-Z][a-z]{2} \d{4}$", await day.InputValueAsync());
        }

        await PlaywrightBrowser.ScreenshotAsync(page, "walkthrough-usage", fullPage: false);
    }

    private static bool Overlaps(LocatorBoundingBoxResult a, LocatorBoundingBoxResult b) =>
        a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
