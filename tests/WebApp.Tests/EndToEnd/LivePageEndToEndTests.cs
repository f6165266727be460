using Microsoft.Playwright;
using WebApp.Tests.Infrastructure;
using WebApp.Tests.Streaming;
using static Microsoft.Playwright.Assertions;

namespace WebApp.Tests.EndToEnd;

/// <summary>
/// The Live page in Debian's chromium, with a generated conversation as its microphone (chromium's fake capture
/// device plays the file in a loop): the words show up turn by turn, and stop saves a transcript that opens in the reader.
/// </summary>
public sealed class LivePageEndToEndTests : IAsyncLifetime
{
    private readonly VerbatimServer server = new();
    private PlaywrightBrowser browser = default!;

    public async Task InitializeAsync()
    {
        var microphone = TestSpeech.Concat(
            TestSpeech.Silence(1), TestSpeech.Say(StreamingFixture.First, "kal16"), TestSpeech.Silence(1.5),
            TestSpeech.Say(StreamingFixture.Second, "slt"), TestSpeech.Silence(2));
        await server.StartAsync();
        browser = await PlaywrightBrowser.LaunchAsync(
            "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-audio-capture={microphone}");
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Live_ShowsTheWords_AndStopSavesATranscriptThatOpensInTheReader()
    {
        var page = await browser.NewPageAsync(server.BaseAddress, PlaywrightBrowser.Desktop, await RegisterAsync());
        await PlaywrightBrowser.GoToAsync(page, "live");
        await Expect(page.Locator("[data-testid=nav-live]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=record]")).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await page.ClickAsync("[data-testid=record]");
        // Recording started, or the page says why not (the failure then names the reason rather than a missing word).
        await Expect(page.Locator("[data-testid=stop], [data-testid=live-problem]").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        if (await page.Locator("[data-testid=live-problem]").IsVisibleAsync())
        {
            Assert.Fail("The live page did not start: " + await page.Locator("[data-testid=live-problem]").InnerTextAsync());
        }


        // Both sentences settle as formatted turns (the file loops, so more may follow; a busy machine may split one).
        // On a starved machine chromium's capture itself drops audio, so only the first sentence is required word for word.
        await Expect(page.Locator("[data-testid=live-transcript]")).ToContainTextAsync("football", new() { Timeout = 90_000, IgnoreCase = true });
        await Expect(page.Locator("[data-testid=live-turn]").Nth(1)).ToBeVisibleAsync(new() { Timeout = 90_000 });
        var heard = string.Join(' ', await page.Locator("[data-testid=live-turn]").AllInnerTextsAsync());
        Assert.Matches("^[A-Z]", heard);
        await PlaywrightBrowser.ScreenshotAsync(page, "live-page-listening");

        await page.ClickAsync("[data-testid=stop]");
        // Blazor navigates inside the page (no load event follows).
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/transcripts/[0-9a-f-]{36}$"), new() { Timeout = 90_000, WaitUntil = WaitUntilState.Commit });
        // The batch pass finishes and the reader shows its words, with speaker labels.
        await Expect(page.Locator("[data-testid=reader-transcript]")).ToContainTextAsync("football", new() { Timeout = 180_000, IgnoreCase = true });
        await Expect(page.Locator("[data-testid=speaker-chip]").First).ToBeVisibleAsync();
        await PlaywrightBrowser.ScreenshotAsync(page, "live-saved-in-reader");
    }

    private async Task<string> RegisterAsync()
    {
        var page = await browser.NewPageAsync(server.BaseAddress, PlaywrightBrowser.Desktop);
        await PlaywrightBrowser.GoToAsync(page, "Account/Register");
        await page.FillAsync("input[name='Input.Email']", $"live-{Guid.NewGuid():N}@example.com");
        await page.FillAsync("input[name='Input.Password']", ReaderServerFixture.Password);
        await page.FillAsync("input[name='Input.ConfirmPassword']", ReaderServerFixture.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("form[action='Account/Logout']");
        var state = await page.Context.StorageStateAsync();
        await page.Context.CloseAsync();
        return state;
    }
}
