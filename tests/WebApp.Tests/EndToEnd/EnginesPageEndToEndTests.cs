using Microsoft.Playwright;
using WebApp.Tests.Infrastructure;
using WebApp.Tests.Transcription.Whisper;
using static Microsoft.Playwright.Assertions;

namespace WebApp.Tests.EndToEnd;

/// <summary>The server's administrator (the fixture's user registered first) sees the engines and adds a whisper model in the browser.</summary>
[Collection(ReaderEndToEndCollection.Name)]
public sealed class EnginesPageEndToEndTests(ReaderServerFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => fixture.Browser.CloseContextsAsync();

    [Fact]
    public async Task Administrator_SeesTheEngines_AndAddsAModel()
    {
        // A name none of AssemblyAI's aliases matches, so the other tests on this server keep getting pocketsphinx.
        var picked = TestSpeech.NewPath(".bin");
        var fileName = "ggml-e2e-tiny.en.bin";
        var named = Path.Combine(Path.GetDirectoryName(picked)!, fileName);
        TinyWhisperModel.Write(named, multilingual: false, layers: 1, state: 64);
        var installed = Path.Combine(fixture.Server.DataDirectory, "models", fileName);
        try
        {
            var page = await fixture.SignedInPageAsync(PlaywrightBrowser.Desktop);
            await PlaywrightBrowser.GoToAsync(page, "engines");
            await Expect(page.Locator("[data-testid=engine-name]")).ToContainTextAsync(["pocketsphinx-en-us"]);
            await Expect(page.Locator("[data-testid=nav-engines]")).ToBeVisibleAsync();

            // The button is enabled once the page is interactive; a click before that would do nothing.
            await Expect(page.Locator("[data-testid=model-upload]")).ToBeEnabledAsync(new() { Timeout = 30_000 });
            await page.SetInputFilesAsync("[data-testid=model-file]", named);
            await page.ClickAsync("[data-testid=model-upload]");

            await Expect(page.Locator("[data-testid=model-upload-result]")).ToContainTextAsync("Installed whisper-e2e-tiny.en", new() { Timeout = 30_000 });
            await Expect(page.Locator("[data-testid=engine-name]")).ToHaveCountAsync(2);
            await Expect(page.Locator("[data-testid=engine-table]")).ToContainTextAsync("whisper-e2e-tiny.en");
            Assert.True(File.Exists(installed));
            await PlaywrightBrowser.ScreenshotAsync(page, "engines-page");
        }
        finally
        {
            if (File.Exists(installed))
            {
                File.Delete(installed);
            }

            File.Delete(named);
        }
    }
}
