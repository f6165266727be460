using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.EndToEnd;

/// <summary>
/// A person's whole way through the browser app: upload, watch it finish, find a spoken word, read and name the
/// speakers, share the transcript with someone without an account, and take the link back.
/// </summary>
[Collection(ReaderEndToEndCollection.Name)]
public sealed class BrowserFlowEndToEndTests(ReaderServerFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => fixture.Browser.CloseContextsAsync();

    [Fact]
    public async Task Upload_Complete_Search_Rename_Share_Revoke()
    {
        var page = await fixture.SignedInPageAsync(PlaywrightBrowser.Desktop);

        // Upload a generated conversation, with speaker labels, and watch it complete without reloading.
        var named = Path.Combine(Path.GetDirectoryName(TestSpeech.NewPath(".wav"))!, $"standup-{Guid.NewGuid():N}.wav");
        File.Copy(ReaderServerFixture.Conversation(), named);
        await PlaywrightBrowser.GoToAsync(page, "transcripts/new");
        await PickFileAsync(page, named);
        await Expect(page.Locator("[data-testid=upload-item]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=upload-item]")).ToHaveAttributeAsync("data-state", "ready");
        await page.CheckAsync("[data-testid=option-speaker_labels] input[type=checkbox]");
        await PlaywrightBrowser.ScreenshotAsync(page, "flow-upload-ready");
        await page.ClickAsync("[data-testid=submit]");
        var item = page.Locator("[data-testid=upload-item]");
        await Expect(item.Locator("[data-testid=status-chip]")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 120_000 });
        var transcriptId = await item.GetAttributeAsync("data-transcript-id");
        Assert.False(string.IsNullOrEmpty(transcriptId));
        await PlaywrightBrowser.ScreenshotAsync(page, "flow-upload-completed");

        var words = await fixture.WordsAsync(transcriptId!);
        var spoken = words.Where(w => w.Speaker == "B").Select(w => Letters(w.Text)).MaxBy(w => w.Length)!;

        // Find the spoken word in the library and land on it in the reader.
        await page.ClickAsync(".app-drawer a[href='transcripts']");
        var row = page.Locator($"[data-testid=transcript-row][data-id='{transcriptId}']");

        // The library renders before its circuit is up; its delete buttons are enabled once typing reaches it.
        await Expect(row.Locator("[data-testid=delete-transcript]")).ToBeEnabledAsync();
        await Expect(row.Locator("td[data-label=Speakers]")).ToHaveTextAsync("2");
        await page.FillAsync("#library-search", spoken);
        await Expect(row.Locator("[data-testid=search-snippet]")).ToContainTextAsync(spoken, new() { IgnoreCase = true });
        await PlaywrightBrowser.ScreenshotAsync(page, "flow-library-search");
        await row.Locator("[data-testid=search-jump]").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/transcripts/{transcriptId}\\?t=\\d+$"));
        await page.WaitForSelectorAsync("[data-testid=reader-transcript][data-ready=true]");
        var current = page.Locator("[data-testid=reader-transcript] .w.is-current");
        await Expect(current).ToHaveCountAsync(1);
        Assert.Equal(spoken, Letters(await current.InnerTextAsync()), ignoreCase: true);
        await Expect(current).ToBeInViewportAsync();
        await PlaywrightBrowser.ScreenshotAsync(page, "flow-reader-landed");

        // Name the second speaker.
        await page.ClickAsync("[data-testid=speaker-chip][data-speaker=B]");
        await page.FillAsync(".mud-dialog input", "Robin");
        await page.ClickAsync("[data-testid=correction-save]");
        var guestTurns = page.Locator("[data-testid=utterance][data-speaker=B] .reader-block__speaker");
        await Expect(guestTurns.First).ToHaveTextAsync("Robin");
        Assert.All(await guestTurns.AllInnerTextsAsync(), name => Assert.Equal("Robin", name));

        // Share it, and open the link as a stranger.
        await page.ClickAsync("[data-testid=open-share]");
        await page.ClickAsync("[data-testid=create-share-link]");
        var url = (await page.Locator("[data-testid=share-url]").InnerTextAsync()).Trim();
        var stranger = await fixture.StrangerPageAsync(PlaywrightBrowser.Phone);
        Assert.Equal(200, (await PlaywrightBrowser.GoToAsync(stranger, url))!.Status);
        await Expect(stranger.Locator("[data-testid=utterance][data-speaker=B] .reader-block__speaker").First).ToHaveTextAsync("Robin");
        await Expect(stranger.Locator("h1")).ToHaveTextAsync(Path.GetFileNameWithoutExtension(named));
        await PlaywrightBrowser.ScreenshotAsync(stranger, "flow-shared-phone");

        // Revoke it: gone from the list, and the stranger's next visit is a 404.
        await page.ClickAsync("[data-testid=revoke-share-link]");
        await Expect(page.Locator("[data-testid=share-link]")).ToHaveCountAsync(0);
        Assert.Equal(404, (await PlaywrightBrowser.GoToAsync(stranger, url))!.Status);
        await Expect(stranger.Locator("[data-testid=reader-not-found]")).ToBeVisibleAsync();
    }

    /// <summary>Picks a file in the upload page's file input once its script listens (it marks the drop zone ready).</summary>
    private static async Task PickFileAsync(IPage page, string path)
    {
        await page.WaitForSelectorAsync("[data-testid=drop-zone][data-ready=true]", new() { State = WaitForSelectorState.Attached });
        await page.SetInputFilesAsync("[data-testid=upload-input]", path);
    }

    // What search matches: a word without the punctuation formatting gave it.
    private static string Letters(string word) => new(word.Where(char.IsLetterOrDigit).ToArray());

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
