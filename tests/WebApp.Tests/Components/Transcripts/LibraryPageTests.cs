using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using WebApp.Data.Entities;
using WebApp.Library.Components;
using WebApp.Transcription.Events;

namespace WebApp.Tests.Components.Transcripts;

public sealed class LibraryPageTests : TranscriptPagesContext
{
    [Fact]
    public void Page_ListsTheTeamsTranscripts_WithStatusDurationSpeakersAndLanguage()
    {
        var done = Database.AddTranscript(User.PersonalTeamId, "Standup.wav", "so what did you do", durationSeconds: 125, speakers: ["A", "B"]);
        var failed = Database.AddTranscript(User.PersonalTeamId, "Broken.mp3", null, TranscriptStatus.Error, error: "File does not appear to contain audio.");
        var waiting = Database.AddTranscript(User.PersonalTeamId, "Queued.mp3", null, TranscriptStatus.Queued);
        Database.AddTranscript(OtherUser.PersonalTeamId, "Bob's secret.wav", "not for ann");

        var page = Render<LibraryPage>();

        page.WaitForAssertion(() => Assert.Equal(3, Rows(page).Count), Patience);
        Assert.Equal([waiting.Id, failed.Id, done.Id], Rows(page).Select(r => Guid.Parse(r.GetAttribute("data-id")!)));
        var doneRow = Row(page, done.Id);
        Assert.Equal("completed", doneRow.QuerySelector("[data-testid=status-chip]")!.GetAttribute("data-status"));
        Assert.Equal("2:05", Cell(doneRow, "Duration"));
        Assert.Equal("2", Cell(doneRow, "Speakers"));
        Assert.Equal("English (US)", Cell(doneRow, "Language"));
        Assert.Equal($"transcripts/{done.Id}", doneRow.QuerySelector("[data-testid=transcript-link]")!.GetAttribute("href"));
        Assert.Equal("error", Row(page, failed.Id).QuerySelector("[data-testid=status-chip]")!.GetAttribute("data-status"));
        Assert.Contains("File does not appear to contain audio.", Row(page, failed.Id).TextContent);
        Assert.Equal("—", Cell(Row(page, failed.Id), "Duration"));
        Assert.DoesNotContain("Bob's secret", page.Markup);
    }

    [Fact]
    public void Search_ShowsMatchingWordsHighlighted_WithAJumpToTheMoment()
    {
        var park = Database.AddTranscript(User.PersonalTeamId, "Saturday.wav", "we will go to the park in the afternoon");
        Database.AddTranscript(User.PersonalTeamId, "Budget.wav", "the budget for next year");
        var page = Render<LibraryPage>();
        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Count), Patience);

        page.Find("input[data-testid=library-search]").Input("afternoon");

        page.WaitForAssertion(() => Assert.Single(Rows(page)), Patience);
        var snippet = Row(page, park.Id).QuerySelector("[data-testid=search-snippet]")!;
        Assert.Equal(["afternoon"], snippet.QuerySelectorAll("mark").Select(m => m.TextContent));
        var jump = snippet.QuerySelector("[data-testid=search-jump]")!;
        Assert.Equal($"transcripts/{park.Id}?t=4000", jump.GetAttribute("href"));
        Assert.Contains("at 0:04", jump.TextContent);
    }

    [Fact]
    public void Search_WithNoMatches_SaysSo_AndClearingShowsEverythingAgain()
    {
        Database.AddTranscript(User.PersonalTeamId, "Saturday.wav", "we will go to the park");
        var page = Render<LibraryPage>();
        page.WaitForAssertion(() => Assert.Single(Rows(page)), Patience);

        page.Find("input[data-testid=library-search]").Input("zebra");
        page.WaitForElement("[data-testid=library-no-matches]", Patience);
        Assert.Empty(Rows(page));

        page.FindAll("[data-testid=library-no-matches] button").Single().Click();
        page.WaitForAssertion(() => Assert.Single(Rows(page)), Patience);
    }

    [Fact]
    public void Page_WithNoTranscripts_InvitesAnUpload()
    {
        var page = Render<LibraryPage>();

        var empty = page.WaitForElement("[data-testid=library-empty]", Patience);
        Assert.Contains("No transcripts yet", empty.TextContent);
        Assert.Equal("transcripts/new", empty.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Delete_AfterConfirming_DeletesAsTheApiDoes_AndTheRowGoes()
    {
        var transcript = Database.AddTranscript(User.PersonalTeamId, "Old.wav", "hello there");
        var page = Render<LibraryPage>();
        page.WaitForAssertion(() => Assert.Single(Rows(page)), Patience);

        Row(page, transcript.Id).QuerySelector("[data-testid=delete-transcript]")!.Click();
        page.WaitForElement("[data-testid=confirm-delete]", Patience).Click();

        page.WaitForElement("[data-testid=library-empty]", Patience);
        await using var db = Database.CreateDbContext();
        var stored = await db.Transcripts.SingleAsync();
        Assert.NotNull(stored.DeletedAt);
        Assert.Equal("Deleted by user.", stored.Text);
        Assert.Null(stored.WordsJson);
    }

    [Fact]
    public async Task Delete_WhenCancelled_KeepsTheTranscript()
    {
        var transcript = Database.AddTranscript(User.PersonalTeamId, "Keep.wav", "hello there");
        var page = Render<LibraryPage>();
        page.WaitForAssertion(() => Assert.Single(Rows(page)), Patience);

        Row(page, transcript.Id).QuerySelector("[data-testid=delete-transcript]")!.Click();
        page.WaitForElement(".mud-dialog", Patience).QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-dialog")), Patience);
        Assert.Single(Rows(page));
        await using var db = Database.CreateDbContext();
        Assert.Null((await db.Transcripts.SingleAsync()).DeletedAt);
    }

    [Fact]
    public async Task LiveChanges_MoveTheRowAlong_AndAnnounceTheResult()
    {
        var transcript = Database.AddTranscript(User.PersonalTeamId, "Live.wav", null, TranscriptStatus.Queued);
        var page = Render<LibraryPage>();
        page.WaitForAssertion(() => Assert.Single(Rows(page)), Patience);
        var change = new TranscriptChange(transcript.Id, User.PersonalTeamId, TranscriptStatus.Processing, 40, "Live.wav", null);

        await Notifier.NotifyAsync(change);
        page.WaitForAssertion(() => Assert.Contains("Transcribing 40%", Row(page, transcript.Id).TextContent), Patience);

        // A late progress report must not move it back; another team's change must not reach this page.
        await Notifier.NotifyAsync(change with { Progress = 30 });
        await Notifier.NotifyAsync(change with { TeamId = OtherUser.PersonalTeamId, Status = TranscriptStatus.Error, Error = "nope" });
        Assert.Contains("Transcribing 40%", Row(page, transcript.Id).TextContent);

        await using (var db = Database.CreateDbContext())
        {
            await db.Transcripts.Where(t => t.Id == transcript.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TranscriptStatus.Completed).SetProperty(t => t.AudioDurationSeconds, 61));
        }

        await Notifier.NotifyAsync(change with { Status = TranscriptStatus.Completed, Progress = 100 });
        page.WaitForAssertion(() => Assert.Equal("completed", Row(page, transcript.Id).QuerySelector("[data-testid=status-chip]")!.GetAttribute("data-status")), Patience);
        Assert.Contains("“Live” is transcribed.", page.Markup);
        // The page reloads the row for what the job found out.
        page.WaitForAssertion(() => Assert.Equal("1:01", Cell(Row(page, transcript.Id), "Duration")), Patience);
    }

    private static IReadOnlyList<IElement> Rows(IRenderedComponent<LibraryPage> page) => page.FindAll("[data-testid=transcript-row]");

    private static IElement Row(IRenderedComponent<LibraryPage> page, Guid id) => page.Find($"[data-testid=transcript-row][data-id='{id}']");

    private static string Cell(IElement row, string label) => row.QuerySelector($"td[data-label='{label}']")!.TextContent.Trim();
}
