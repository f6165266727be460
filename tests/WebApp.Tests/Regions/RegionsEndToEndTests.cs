using Microsoft.Playwright;
using WebApp.Tests.EndToEnd;
using WebApp.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace WebApp.Tests.Regions;

/// <summary>
/// Regions in Chromium, against the fixture's two real servers: a team's owner opens the Regions page of "front",
/// turns on the region "nokey" (the upstream server, which has no operator key) by giving the team's own upstream
/// key, makes it the default, uploads generated speech through the browser and watches it complete; the library
/// and reader name the region, the upstream holds the transcript, and the words are the speech's.
/// Screenshots in TestOutput/screenshots.
/// </summary>
[Collection(RegionsCollection.Name)]
public sealed class RegionsEndToEndTests(RegionsFixture fixture) : IAsyncLifetime
{
    private PlaywrightBrowser browser = default!;

    public async Task InitializeAsync() => browser = await PlaywrightBrowser.LaunchAsync();

    public async Task DisposeAsync() => await browser.DisposeAsync();

    [Fact]
    public async Task Owner_TurnsOnARegionWithTheTeamsKey_MakesItDefault_AndABrowserUploadIsTranscribedThere()
    {
        var page = await browser.NewPageAsync(fixture.Front.BaseAddress, PlaywrightBrowser.Desktop);
        await BrowserAccounts.RegisterAsync(page, "Account/Register", "regions-owner@example.com");

        // The region is closed to the team until it has a key: the server has none for it.
        await PlaywrightBrowser.GoToAsync(page, "regions");
        var row = page.Locator("[data-testid=regions-table] tr", new() { Has = page.Locator("[data-testid=region-nokey]") });
        await Expect(row).ToContainTextAsync("Needs a key");
        var keyField = page.Locator("#region-key-nokey");
        await Expect(row.Locator("input[type=checkbox]")).Not.ToBeCheckedAsync();
        await Expect(keyField).ToBeEditableAsync(new() { Timeout = 30_000 });
        await PlaywrightBrowser.ScreenshotAsync(page, "regions-1-needs-a-key", fullPage: false);

        await keyField.FillAsync(fixture.UpstreamKey);
        var save = row.Locator("button", new() { HasText = "Save" });
        // Enabled once the typed key has reached the server.
        await Expect(save).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await save.ClickAsync();
        await Expect(row).ToContainTextAsync("Team's own key (hidden)");
        await Expect(row).ToContainTextAsync("On");
        await Expect(row.Locator("input[type=checkbox]")).ToBeCheckedAsync();
        await Expect(keyField).ToHaveValueAsync("");
        Assert.DoesNotContain(fixture.UpstreamKey, await page.ContentAsync());
        await row.Locator("button", new() { HasText = "Make default" }).ClickAsync();
        await Expect(row.Locator("[data-testid=region-default]")).ToBeVisibleAsync();
        await PlaywrightBrowser.ScreenshotAsync(page, "regions-2-on-and-default", fullPage: false);

        // The upload form offers the team's open regions with the default chosen.
        var stem = $"berlin-briefing-{Guid.NewGuid():N}"[..24];
        var file = Path.Combine(Path.GetDirectoryName(TestSpeech.NewPath(".mp3"))!, stem + ".mp3");
        File.Copy(TestSpeech.Convert(TestSpeech.Say(TestSpeech.Sentence), ".mp3"), file);
        await PlaywrightBrowser.GoToAsync(page, "transcripts/new");
        await page.WaitForSelectorAsync("[data-testid=drop-zone][data-ready=true]", new() { State = WaitForSelectorState.Attached });
        var regionSelect = page.Locator(".mud-select", new() { HasText = "Region" });
        await Expect(regionSelect.Locator("input").First).ToHaveValueAsync("nokey");
        await page.SetInputFilesAsync("[data-testid=upload-input]", file);
        await Expect(page.Locator("[data-testid=upload-item]")).ToHaveAttributeAsync("data-state", "ready");
        await PlaywrightBrowser.ScreenshotAsync(page, "regions-3-upload-form", fullPage: false);
        await page.ClickAsync("[data-testid=submit]");

        var item = page.Locator("[data-testid=upload-item]");
        await Expect(item.Locator("[data-testid=status-chip]")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 180_000 });
        await PlaywrightBrowser.ScreenshotAsync(page, "regions-4-completed", fullPage: false);
        var transcriptId = (await item.GetAttributeAsync("data-transcript-id"))!;

        // It was transcribed upstream: front records the region and the upstream's id, and the upstream has it.
        Assert.Equal("nokey", await fixture.Front.ScalarAsync("SELECT Region FROM Transcripts WHERE upper(Id) = upper($id)", ("$id", transcriptId)));
        var upstreamId = (string?)await fixture.Front.ScalarAsync("SELECT UpstreamTranscriptId FROM Transcripts WHERE upper(Id) = upper($id)", ("$id", transcriptId));
        Assert.False(string.IsNullOrEmpty(upstreamId), fixture.Front.Log);
        using var upstream = fixture.UpstreamClient();
        var (_, upstreamTranscript) = await upstream.GetAsync($"/v2/transcript/{upstreamId}");
        Assert.Equal("completed", upstreamTranscript.GetProperty("status").GetString());

        await PlaywrightBrowser.GoToAsync(page, "transcripts");
        var libraryRow = page.Locator($"[data-testid=transcript-row][data-id='{transcriptId}']");
        await Expect(libraryRow.Locator("[data-testid=transcript-link]")).ToHaveTextAsync(stem);
        await Expect(libraryRow.Locator("[data-testid=row-region]")).ToHaveTextAsync("nokey");
        var libraryDuration = (await libraryRow.Locator("td[data-label=Duration]").InnerTextAsync()).Trim();
        await PlaywrightBrowser.ScreenshotAsync(page, "regions-5-library", fullPage: false);

        await PlaywrightBrowser.GoToAsync(page, $"transcripts/{transcriptId}");
        await page.WaitForSelectorAsync("[data-testid=reader-transcript][data-ready=true]");
        await Expect(page.Locator(".reader-header .page-header__text p")).ToContainTextAsync("transcribed in region nokey");
        await Expect(page.Locator(".reader-header .page-header__text p")).ToContainTextAsync($" · {libraryDuration} · ");
        // One duration everywhere, as for local transcripts: the player's whole seconds (floor) match the library's.
        var playerSeconds = await page.EvalOnSelectorAsync<double>("[data-testid=reader-audio]",
            "a => new Promise(r => a.readyState >= 1 ? r(a.duration) : a.addEventListener('loadedmetadata', () => r(a.duration)))");
        var player = TimeSpan.FromSeconds(Math.Floor(playerSeconds));
        Assert.Equal(libraryDuration, $"{(int)player.TotalMinutes}:{player.Seconds:00}");
        var words = await page.Locator("[data-testid=reader-transcript] .w").AllInnerTextsAsync();
        var wer = WordErrorRate.Measure(TestSpeech.Sentence, string.Join(' ', words));
        Assert.True(wer.Rate <= 0.3, $"WER {wer}: \"{string.Join(' ', words)}\"");
        Assert.Equal(upstreamTranscript.GetProperty("text").GetString(), await fixture.Front.ScalarAsync("SELECT Text FROM Transcripts WHERE upper(Id) = upper($id)", ("$id", transcriptId)));
        await PlaywrightBrowser.ScreenshotAsync(page, "regions-6-reader", fullPage: false);
    }
}
