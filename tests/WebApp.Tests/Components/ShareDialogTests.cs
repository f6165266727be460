using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using WebApp.Reader.Components;
using WebApp.Sharing;

namespace WebApp.Tests.Components;

public sealed class ShareDialogTests : ReaderContext
{
    [Fact]
    public async Task CreatingALink_ShowsAWorkingUrlOnce_AndListsTheLink()
    {
        var transcript = Database.AddTranscript();
        var dialog = OpenShareDialog(transcript.Id);
        Assert.NotNull(dialog.Find("[data-testid=no-share-links]"));

        dialog.Find("[data-testid=create-share-link]").Click();

        var url = dialog.WaitForElement("[data-testid=share-url]", Patience).TextContent.Trim();
        Assert.Matches("^http://localhost/s/[A-Za-z0-9_-]{43}$", url);
        var token = url[(url.LastIndexOf('/') + 1)..];
        await using (var db = Database.CreateDbContext())
        {
            var link = await new ShareLinkService(db, TimeProvider.System).FindActiveAsync(token);
            Assert.Equal(transcript.Id, link?.TranscriptId);
            Assert.Null(link!.ExpiresAt);
            Assert.DoesNotContain(token, (await db.ShareLinks.SingleAsync()).TokenHash);
        }

        dialog.WaitForAssertion(() => Assert.Single(dialog.FindAll("[data-testid=share-link]")), Patience);
        Assert.Contains("Never expires", dialog.Find("[data-testid=share-link]").TextContent);
        Assert.Empty(dialog.FindAll("[data-testid=create-share-link]"));
    }

    [Fact]
    public async Task ChoosingAnExpiry_StoresIt()
    {
        var transcript = Database.AddTranscript();
        var dialog = OpenShareDialog(transcript.Id);

        dialog.FindAll("[data-testid=share-lifetime] .mud-toggle-item").Single(item => item.TextContent.Trim() == "7 days").Click();
        dialog.Find("[data-testid=create-share-link]").Click();
        dialog.WaitForElement("[data-testid=share-url]", Patience);

        await using var db = Database.CreateDbContext();
        var stored = await db.ShareLinks.SingleAsync();
        Assert.Equal(TimeSpan.FromDays(7), stored.ExpiresAt - stored.CreatedAt);
        dialog.WaitForAssertion(() => Assert.Contains("Expires in 7 days", dialog.Find("[data-testid=share-link]").TextContent), Patience);
    }

    [Fact]
    public async Task RevokingALink_EndsIt_AndRemovesItFromTheList()
    {
        var transcript = Database.AddTranscript();
        string token;
        await using (var db = Database.CreateDbContext())
        {
            token = (await new ShareLinkService(db, TimeProvider.System).CreateAsync(transcript.TeamId, transcript.Id, Database.User.Id, null))!.Token;
        }

        var dialog = OpenShareDialog(transcript.Id);
        dialog.WaitForAssertion(() => Assert.Single(dialog.FindAll("[data-testid=share-link]")), Patience);

        dialog.Find("[data-testid=revoke-share-link]").Click();

        dialog.WaitForAssertion(() => Assert.NotNull(dialog.Find("[data-testid=no-share-links]")), Patience);
        await using var check = Database.CreateDbContext();
        Assert.Null(await new ShareLinkService(check, TimeProvider.System).FindActiveAsync(token));
    }

    /// <summary>Opens the dialog the way a person does: the reader's Share button.</summary>
    private IRenderedComponent<TranscriptReader> OpenShareDialog(Guid transcriptId)
    {
        var reader = Render<TranscriptReader>(p => p.Add(r => r.TranscriptId, transcriptId));
        reader.WaitForElement("[data-testid=open-share]", Patience).Click();
        reader.WaitForElement(".mud-dialog [data-testid=share-done]", Patience);
        reader.WaitForAssertion(() => Assert.Empty(reader.FindAll(".mud-dialog .mud-progress-linear")), Patience);
        return reader;
    }
}
