using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.EndToEnd;

/// <summary>The transcript reader and share links in a real browser, against the real app.</summary>
[Collection(ReaderEndToEndCollection.Name)]
public sealed class ReaderEndToEndTests(ReaderServerFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => fixture.Browser.CloseContextsAsync();

    [Fact]
    public async Task Reader_PlaysInSyncWithTheText_AndSeeksFromWordsAndKeys()
    {
        var words = await fixture.WordsAsync(fixture.TranscriptId);
        var page = await OpenReaderAsync(PlaywrightBrowser.Desktop);
        await PlaywrightBrowser.ScreenshotAsync(page, "reader-desktop");

        Assert.Equal(["Speaker A", "Speaker B"], await page.Locator("[data-testid=speaker-chip]").AllInnerTextsAsync());
        Assert.Equal(["A", "B", "A", "B"], await Attributes(page.Locator("[data-testid=utterance]"), "data-speaker"));
        Assert.Equal(words.Count, await page.Locator("[data-testid=reader-transcript] .w").CountAsync());
        var audio = page.Locator("[data-testid=reader-audio]");
        var duration = await audio.EvaluateAsync<double>(
            "audio => audio.readyState >= 1 ? audio.duration : new Promise(ready => audio.addEventListener('loadedmetadata', () => ready(audio.duration), { once: true }))");
        Assert.InRange(duration, words[^1].End / 1000.0, words[^1].End / 1000.0 + 5);

        // A word of the second speaker: clicking it moves the player there and highlights it. Played slowly, so the
        // word stays current for longer than a busy machine may take between looks.
        await audio.EvaluateAsync("audio => { audio.defaultPlaybackRate = 0.1; audio.playbackRate = 0.1; }");
        var target = words.Count - 3;
        await Word(page, target).ClickAsync();
        await Expect(Word(page, target)).ToHaveClassAsync(new Regex(@"\bis-current\b"));
        Assert.InRange(await CurrentTimeAsync(page), words[target].Start / 1000.0 - 0.05, words[target].Start / 1000.0 + 0.6);

        // Keys work on the page (not while typing): pause, back 5 s, and the highlight follows the player.
        await page.Keyboard.PressAsync("Space");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=reader-audio]').paused");
        var before = await CurrentTimeAsync(page);
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.WaitForFunctionAsync($"() => document.querySelector('[data-testid=reader-audio]').currentTime < {before - 4.5}");
        var now = await CurrentTimeAsync(page) * 1000;
        var expectedIndex = words.FindLastIndex(w => w.Start <= now);
        Assert.InRange(expectedIndex, 0, target - 1);
        await Expect(Word(page, expectedIndex)).ToHaveClassAsync(new Regex(@"\bis-current\b"));
        Assert.Equal(1, await page.Locator(".w.is-current").CountAsync());
        await page.Keyboard.PressAsync("Space");
        await page.WaitForFunctionAsync("() => !document.querySelector('[data-testid=reader-audio]').paused");
        await page.Keyboard.PressAsync("Space");

        // The audio endpoint answers range requests, which is what lets the player seek.
        var range = await page.APIRequest.GetAsync($"app/transcripts/{fixture.TranscriptId}/audio", new() { Headers = new Dictionary<string, string> { ["Range"] = "bytes=0-99" } });
        Assert.Equal((int)HttpStatusCode.PartialContent, range.Status);
        Assert.Equal("audio/wav", range.Headers["content-type"]);
        Assert.Equal(100, (await range.BodyAsync()).Length);
    }

    [Fact]
    public async Task Reader_OpensAtTheMomentAskedFor()
    {
        var words = await fixture.WordsAsync(fixture.TranscriptId);
        var target = words.Count / 2;
        var page = await fixture.SignedInPageAsync(PlaywrightBrowser.Phone);

        await PlaywrightBrowser.GoToAsync(page, $"transcripts/{fixture.TranscriptId}?t={words[target].Start + 10}");
        await page.WaitForSelectorAsync("[data-testid=reader-transcript][data-ready=true]");

        await Expect(Word(page, target)).ToHaveClassAsync(new Regex(@"\bis-current\b"));
        await Expect(Word(page, target)).ToBeInViewportAsync();
        Assert.InRange(await CurrentTimeAsync(page), (words[target].Start + 10) / 1000.0 - 0.05, (words[target].Start + 10) / 1000.0 + 0.05);
        await PlaywrightBrowser.ScreenshotAsync(page, "reader-phone");
    }

    [Fact]
    public async Task RenamingASpeaker_AndCorrectingAWord_ShowInTheReaderTheApiAndTheExports()
    {
        var transcriptId = await fixture.TranscribeConversationAsync();
        var page = await OpenReaderAsync(PlaywrightBrowser.Desktop, transcriptId);

        await page.ClickAsync("[data-testid=speaker-chip][data-speaker=A]");
        await page.FillAsync(".mud-dialog input", "Dana");
        await PlaywrightBrowser.ScreenshotAsync(page, "reader-rename-dialog");
        await page.ClickAsync("[data-testid=correction-save]");
        await Expect(page.Locator("[data-testid=utterance] .reader-block__speaker").First).ToHaveTextAsync("Dana");
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);

        await page.ClickAsync("[data-testid=toggle-editing]");
        await Word(page, 0).ClickAsync();
        await page.FillAsync(".mud-dialog input", "Verbatim");
        await PlaywrightBrowser.ScreenshotAsync(page, "reader-correct-word");
        await page.ClickAsync("[data-testid=correction-save]");
        await Expect(Word(page, 0)).ToHaveTextAsync("Verbatim");
        await page.ClickAsync("[data-testid=toggle-editing]");

        var (_, api) = await fixture.Api.GetAsync($"/v2/transcript/{transcriptId}");
        Assert.StartsWith("Verbatim ", api.GetProperty("text").GetString());
        Assert.Equal("Verbatim", api.GetProperty("words")[0].GetProperty("text").GetString());

        var text = await DownloadAsync(page, "txt");
        Assert.StartsWith("Dana (0:00)\nVerbatim ", text[(text.IndexOf('\n') + 2)..]);
        Assert.Contains("<v Dana>Verbatim", await DownloadAsync(page, "vtt"));
        var json = JsonDocument.Parse(await DownloadAsync(page, "json")).RootElement;
        Assert.Equal("Dana", json.GetProperty("utterances")[0].GetProperty("speaker_name").GetString());
        Assert.Equal("PK", (await DownloadAsync(page, "docx"))[..2]);

        // A reload reads the stored state: the name and the word stay.
        await PlaywrightBrowser.GoToAsync(page, $"transcripts/{transcriptId}");
        await Expect(page.Locator("[data-testid=speaker-chip][data-speaker=A]")).ToContainTextAsync("Dana");
        await Expect(Word(page, 0)).ToHaveTextAsync("Verbatim");
    }

    [Fact]
    public async Task ShareLink_OpensTheTranscriptWithoutSigningIn_ReadOnly_UntilRevoked()
    {
        var owner = await OpenReaderAsync(PlaywrightBrowser.Desktop);
        await owner.ClickAsync("[data-testid=open-share]");
        await Expect(owner.Locator("[data-testid=no-share-links]")).ToBeVisibleAsync();
        await owner.ClickAsync("[data-testid=share-lifetime] >> text=7 days");
        await owner.ClickAsync("[data-testid=create-share-link]");
        var url = (await owner.Locator("[data-testid=share-url]").InnerTextAsync()).Trim();
        Assert.Matches($"^{Regex.Escape(fixture.Server.BaseAddress.ToString())}s/[A-Za-z0-9_-]{{43}}$", url);
        await Expect(owner.Locator("[data-testid=share-link]")).ToHaveCountAsync(1);
        await Expect(owner.Locator("[data-testid=share-link]")).ToContainTextAsync("Expires in 7 days");
        await PlaywrightBrowser.ScreenshotAsync(owner, "share-dialog");

        // A stranger: a fresh browser context, no cookies, on a phone.
        var stranger = await fixture.StrangerPageAsync(PlaywrightBrowser.Phone);
        var response = await PlaywrightBrowser.GoToAsync(stranger, url);
        Assert.Equal(200, response!.Status);
        await stranger.WaitForSelectorAsync("[data-testid=reader-transcript][data-ready=true]");
        await PlaywrightBrowser.ScreenshotAsync(stranger, "shared-phone");
        var words = await fixture.WordsAsync(fixture.TranscriptId);
        Assert.Equal(words.Count, await stranger.Locator(".w").CountAsync());
        var html = await stranger.ContentAsync();
        Assert.DoesNotContain(fixture.Email, html);
        Assert.DoesNotContain("All transcripts", html);
        Assert.DoesNotContain("/v2/upload/", html);
        await Expect(stranger.Locator("[data-testid=open-share], [data-testid=toggle-editing], button.speaker-chip, .app-drawer, form[action='Account/Logout']")).ToHaveCountAsync(0);
        var audioSource = await stranger.Locator("[data-testid=reader-audio]").GetAttributeAsync("src");
        Assert.Equal($"s/{url[(url.LastIndexOf('/') + 1)..]}/audio", audioSource);
        var audio = await stranger.APIRequest.GetAsync(audioSource!, new() { Headers = new Dictionary<string, string> { ["Range"] = "bytes=0-" } });
        Assert.Equal((int)HttpStatusCode.PartialContent, audio.Status);
        await Word(stranger, 2).ClickAsync();
        Assert.InRange(await CurrentTimeAsync(stranger), words[2].Start / 1000.0 - 0.05, words[2].Start / 1000.0 + 0.6);
        Assert.Contains(words[0].Text, await DownloadAsync(stranger, "txt"));
        await stranger.ClickAsync("[data-action=toggle-theme]");
        await stranger.WaitForSelectorAsync(".app-shell[data-theme=dark]");
        await stranger.WaitForSelectorAsync("[data-testid=reader-transcript][data-ready=true]");
        await PlaywrightBrowser.ScreenshotAsync(stranger, "shared-phone-dark");

        // Revoked: gone from the owner's list, and the link answers a friendly 404.
        await owner.ClickAsync("[data-testid=revoke-share-link]");
        await Expect(owner.Locator("[data-testid=no-share-links]")).ToBeVisibleAsync();
        await Expect(owner.Locator("[data-testid=share-link]")).ToHaveCountAsync(0);
        var revoked = await PlaywrightBrowser.GoToAsync(stranger, url);
        Assert.Equal(404, revoked!.Status);
        await Expect(stranger.Locator("[data-testid=reader-not-found]")).ToContainTextAsync("This link is not available");
        Assert.Equal(404, (await stranger.APIRequest.GetAsync(audioSource!)).Status);
        await PlaywrightBrowser.ScreenshotAsync(stranger, "shared-revoked");
    }

    [Fact]
    public async Task Reader_InDarkMode_KeepsWorking()
    {
        var page = await OpenReaderAsync(PlaywrightBrowser.Desktop);

        await page.ClickAsync("[data-action=toggle-theme]");
        await page.WaitForSelectorAsync(".app-shell[data-theme=dark]");
        await page.WaitForSelectorAsync("[data-testid=reader-transcript][data-ready=true]");
        await Word(page, 1).ClickAsync();
        await Expect(Word(page, 1)).ToHaveClassAsync(new Regex(@"\bis-current\b"));
        await PlaywrightBrowser.ScreenshotAsync(page, "reader-desktop-dark");

        await page.ClickAsync("[data-testid=export-menu] button");
        await PlaywrightBrowser.ScreenshotAsync(page, "reader-export-menu-dark");
        await page.Keyboard.PressAsync("Escape");
        await page.ClickAsync("[data-action=toggle-theme]");
        await page.WaitForSelectorAsync(".app-shell[data-theme=light]");
    }

    [Fact]
    public async Task Reader_ShowsProgressThenTheReason_WithoutReloading()
    {
        using var host = new AudioHost();
        var created = await fixture.Api.CreateTranscriptAsync(new { audio_url = host.Url(AudioHost.HangingPath) });
        var id = created.GetProperty("id").GetString()!;
        var page = await fixture.SignedInPageAsync(PlaywrightBrowser.Desktop);

        await PlaywrightBrowser.GoToAsync(page, $"transcripts/{id}");
        var status = page.Locator("[data-testid=reader-status]");
        await Expect(status).ToHaveAttributeAsync("data-status", new Regex("queued|processing"));
        await PlaywrightBrowser.ScreenshotAsync(page, "reader-processing");

        // The download times out (5 s in tests); the page turns to the reason by itself.
        await Expect(status).ToHaveAttributeAsync("data-status", "error", new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-testid=reader-error]")).ToContainTextAsync("Download error");
        await PlaywrightBrowser.ScreenshotAsync(page, "reader-error");
    }

    [Fact]
    public async Task UnknownTranscript_AndAnotherUsersTranscript_AreAFriendly404()
    {
        var page = await fixture.SignedInPageAsync(PlaywrightBrowser.Desktop);
        var unknown = await PlaywrightBrowser.GoToAsync(page, $"transcripts/{Guid.NewGuid()}");
        Assert.Equal(404, unknown!.Status);
        await Expect(page.Locator("[data-testid=reader-not-found]")).ToContainTextAsync("Transcript not found");
        await PlaywrightBrowser.ScreenshotAsync(page, "reader-not-found");

        // Someone else (their own account and team) cannot open ours.
        var other = await fixture.StrangerPageAsync(PlaywrightBrowser.Desktop);
        await PlaywrightBrowser.GoToAsync(other, "Account/Register");
        await other.FillAsync("input[name='Input.Email']", $"other-{Guid.NewGuid():N}@example.com");
        await other.FillAsync("input[name='Input.Password']", ReaderServerFixture.Password);
        await other.FillAsync("input[name='Input.ConfirmPassword']", ReaderServerFixture.Password);
        await other.ClickAsync("button[type=submit]");
        await other.WaitForSelectorAsync("form[action='Account/Logout']");
        var theirs = await PlaywrightBrowser.GoToAsync(other, $"transcripts/{fixture.TranscriptId}");
        Assert.Equal(404, theirs!.Status);
        Assert.Equal(404, (await other.APIRequest.GetAsync($"app/transcripts/{fixture.TranscriptId}/audio")).Status);
        Assert.Equal(404, (await other.APIRequest.GetAsync($"app/transcripts/{fixture.TranscriptId}/export/txt")).Status);

        // Signed out, the reader asks to sign in.
        var stranger = await fixture.StrangerPageAsync(PlaywrightBrowser.Desktop);
        await stranger.GotoAsync($"transcripts/{fixture.TranscriptId}");
        Assert.Contains("/Account/Login", stranger.Url);
    }

    private async Task<IPage> OpenReaderAsync(ViewportSize viewport, string? transcriptId = null)
    {
        var page = await fixture.SignedInPageAsync(viewport);
        var response = await PlaywrightBrowser.GoToAsync(page, $"transcripts/{transcriptId ?? fixture.TranscriptId}");
        Assert.Equal(200, response!.Status);
        await page.WaitForSelectorAsync("[data-testid=reader-transcript][data-ready=true]");
        return page;
    }

    private static ILocator Word(IPage page, int index) => page.Locator($"[data-testid=reader-transcript] .w[data-i='{index}']");

    private static Task<double> CurrentTimeAsync(IPage page) =>
        page.Locator("[data-testid=reader-audio]").EvaluateAsync<double>("audio => audio.currentTime");

    private static async Task<IReadOnlyList<string?>> Attributes(ILocator elements, string name)
    {
        var values = new List<string?>();
        for (var i = 0; i < await elements.CountAsync(); i++)
        {
            values.Add(await elements.Nth(i).GetAttributeAsync(name));
        }

        return values;
    }

    /// <summary>Picks a format from the Export menu, as a person would, and returns the downloaded file's text.</summary>
    private static async Task<string> DownloadAsync(IPage page, string format)
    {
        await page.ClickAsync("[data-testid=export-menu] button");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync($"[data-testid=export-{format}]"));
        return await File.ReadAllTextAsync((await download.PathAsync())!);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}

[CollectionDefinition(Name)]
public sealed class ReaderEndToEndCollection : ICollectionFixture<ReaderServerFixture>
{
    public const string Name = "Reader end to end";
}
