using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using WebApp.Components.Layout;
using WebApp.Data.Entities;
using WebApp.Infrastructure;
using WebApp.Reader.Components;
using WebApp.Sharing;
using WebApp.Transcription.Events;
using WebApp.Transcription.Model;
using WebApp.Transcription.Redaction;

namespace WebApp.Tests.Components;

public sealed class TranscriptReaderTests : ReaderContext
{
    [Fact]
    public void ClickingAWord_SeeksThePlayerToTheWordsStart_AndPlays()
    {
        var transcript = Database.AddTranscript(uploadId: null);
        var reader = RenderReader(transcript.Id);

        Word(reader, "good").Click();

        var seek = Assert.Single(Player.Invocations["seek"]);
        Assert.Equal(1200, seek.Arguments[1]);
        Assert.Equal(true, seek.Arguments[2]);
        Block(reader, "how are you").QuerySelector(".reader-block__time")!.Click();
        Assert.Equal(2600, Player.Invocations["seek"][1].Arguments[1]);
    }

    [Fact]
    public void OpeningTheTranscript_TakesAwayTheSnackbarThatAnnouncedIt_AndNoOther()
    {
        var transcript = Database.AddTranscript();
        var other = Guid.NewGuid();
        var snackbar = Services.GetRequiredService<ISnackbar>();
        var navigation = Services.GetRequiredService<NavigationManager>();
        snackbar.AnnounceOutcome(navigation, "Interview", new TranscriptChange(transcript.Id, transcript.TeamId, TranscriptStatus.Completed, 100, "Interview", null));
        snackbar.AnnounceOutcome(navigation, "Memo", new TranscriptChange(other, transcript.TeamId, TranscriptStatus.Completed, 100, "Memo", null));

        RenderReader(transcript.Id);

        Assert.Equal(["“Memo” is transcribed."], snackbar.ShownSnackbars.Select(s => s.Message));
    }

    [Fact]
    public void StartAt_HighlightsTheWordSpokenThen_AndStartsThePlayerThere()
    {
        var transcript = Database.AddTranscript();
        var reader = Render<TranscriptReader>(p => p.Add(r => r.TranscriptId, transcript.Id).Add(r => r.StartAtMs, 1300));

        reader.WaitForAssertion(() => Assert.Single(Player.Invocations["attach"]), Patience);
        Assert.Equal(["good"], reader.FindAll(".w.is-current").Select(w => w.TextContent));
        Assert.Equal(1300, Player.Invocations["attach"][0].Arguments[2]);
    }

    [Fact]
    public void Turns_AreGroupedBySpeaker_WithTimes_AndUnsureWordsMarked()
    {
        var transcript = Database.AddTranscript();
        var reader = RenderReader(transcript.Id);

        Assert.Equal(
            [("Speaker A", "0:00", "hello there"), ("Speaker B", "0:01", "good morning"), ("Speaker A", "0:02", "how are you")],
            reader.FindAll("[data-testid=utterance]").Select(b => (
                b.QuerySelector(".reader-block__speaker")!.TextContent,
                b.QuerySelector(".reader-block__time")!.TextContent,
                b.QuerySelector(".reader-block__text")!.TextContent.Trim())));
        Assert.Equal(["good"], reader.FindAll(".w--unsure").Select(w => w.TextContent));
        Assert.Equal(["Speaker A", "Speaker B"], reader.FindAll("[data-testid=speaker-chip]").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public void RenamingASpeaker_StoresTheName_AndShowsItAtEveryTurn()
    {
        var transcript = Database.AddTranscript();
        var reader = RenderReader(transcript.Id);

        reader.Find("[data-testid=speaker-chip][data-speaker=A]").Click();
        reader.WaitForElement(".mud-dialog input", Patience).Input("Dana");
        reader.Find("[data-testid=correction-save]").Click();

        reader.WaitForAssertion(() => Assert.Equal(2, reader.FindAll(".reader-block__speaker").Count(s => s.TextContent == "Dana")), Patience);
        reader.WaitForAssertion(() => Assert.Empty(reader.FindAll(".mud-dialog")), Patience);
        Assert.Equal("""{"A":"Dana"}""", Database.Reload(transcript.Id).SpeakerNamesJson);
        Assert.Contains("Speaker B", reader.Markup);
    }

    [Fact]
    public void CorrectingAWord_OpensItInsteadOfSeeking_AndSavesTheText()
    {
        var transcript = Database.AddTranscript();
        var reader = RenderReader(transcript.Id);

        reader.Find("[data-testid=toggle-editing]").Click();
        Word(reader, "morning").Click();
        var input = reader.WaitForElement(".mud-dialog input", Patience);
        Assert.Equal("morning", input.GetAttribute("value"));
        input.Input("evening");
        reader.Find("[data-testid=correction-save]").Click();

        reader.WaitForAssertion(() => Assert.Contains("good evening", Block(reader, "good evening").TextContent), Patience);
        Assert.DoesNotContain("seek", Player.Invocations.Identifiers);
        Assert.Equal("hello there good evening how are you", Database.Reload(transcript.Id).Text);
        Assert.Equal(1550, StoredWords.Read(Database.Reload(transcript.Id))![3].Start);
        reader.WaitForAssertion(() => Assert.NotEmpty(Player.Invocations["refresh"]), Patience);
    }

    [Fact]
    public void Insights_AreShownInAPanel_PlayFromWhereTheyWereSaid_AndFollowACorrection()
    {
        Word[] words =
        [
            new("The", 0, 200, 0.9, "A"), new("support", 250, 600, 0.9, "A"), new("team", 650, 900, 0.9, "A"), new("was", 950, 1100, 0.9, "A"),
            new("wonderful.", 1150, 1700, 0.9, "A"), new("We", 2000, 2200, 0.9, "A"), new("flew", 2250, 2500, 0.9, "A"),
            new("to", 2550, 2650, 0.9, "A"), new("Paris", 2700, 3100, 0.9, "A"), new("yesterday.", 3150, 3700, 0.9, "A"),
        ];
        var transcript = Database.AddTranscript(words);
        var insights = WebApp.Transcription.Insights.TranscriptAnalyzer.Analyze(words, words, new InsightOptions(true, true, true))!;
        Database.Update(transcript.Id, t => t.InsightsJson = StoredInsights.Write(insights));
        var reader = RenderReader(transcript.Id);

        var panel = reader.Find("[data-testid=reader-insights]");
        Assert.Contains("paris yesterday", panel.QuerySelector("[data-testid=insights-highlights]")!.TextContent);
        var paris = reader.FindAll("[data-testid=insight-entity]").Single(e => e.TextContent.Trim() == "Paris");
        Assert.Equal("location", paris.GetAttribute("data-type"));
        Assert.Equal(["POSITIVE", "NEUTRAL"], reader.FindAll("[data-testid=insight-sentiment]").Select(s => s.GetAttribute("data-sentiment")));
        reader.InvokeAsync(() => reader.FindAll("[data-testid=insight-entity]").Single(e => e.TextContent.Trim() == "Paris").Click());
        Assert.Equal(2700, Assert.Single(Player.Invocations["seek"]).Arguments[1]);

        reader.Find("[data-testid=toggle-editing]").Click();
        Word(reader, "wonderful.").Click();
        reader.WaitForElement(".mud-dialog input", Patience).Input("awful.");
        reader.Find("[data-testid=correction-save]").Click();

        reader.WaitForAssertion(() => Assert.Equal("NEGATIVE", reader.FindAll("[data-testid=insight-sentiment]")[0].GetAttribute("data-sentiment")), Patience);
        Assert.Contains("1 negative", reader.Find("[data-testid=insights-sentiments]").TextContent);
    }

    [Fact]
    public void Reader_WithoutInsights_ShowsNoPanel()
    {
        var reader = RenderReader(Database.AddTranscript().Id);

        Assert.Empty(reader.FindAll("[data-testid=reader-insights]"));
    }

    [Fact]
    public void CorrectingAWord_ToNothing_IsRefusedInTheDialog()
    {
        var transcript = Database.AddTranscript();
        var reader = RenderReader(transcript.Id);

        reader.Find("[data-testid=toggle-editing]").Click();
        Word(reader, "hello").Click();
        reader.WaitForElement(".mud-dialog input", Patience).Input("   ");

        Assert.True(reader.Find("[data-testid=correction-save]").HasAttribute("disabled"));
        Assert.Equal("hello there good morning how are you", Database.Reload(transcript.Id).Text);
    }

    [Fact]
    public void Upload_PlaysFromTheAudioEndpoint()
    {
        var uploaded = Database.AddTranscript(uploadId: StoreUpload(Database.User.PersonalTeamId));

        var reader = RenderReader(uploaded.Id);

        Assert.Equal($"app/transcripts/{uploaded.Id}/audio", reader.Find("audio").GetAttribute("src"));
        Assert.Empty(reader.FindAll("[data-testid=reader-audio-note]"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RedactedAudio_IsWhatTheReaderPlays_ForTheTeamAndThroughShareLinks(bool shared)
    {
        // A URL's transcript has no stored copy; its redacted one is all there is, and a share link may play it.
        var transcript = Database.AddTranscript(audioUrl: "https://media.example.com/call.mp3");
        var redacted = Services.GetRequiredService<RedactedAudioStore>().PathFor(transcript.TeamId, transcript.Id, RedactedAudioFormat.All[0]);
        Directory.CreateDirectory(Path.GetDirectoryName(redacted)!);
        await File.WriteAllBytesAsync(redacted, [1, 2, 3]);
        var token = shared ? await CreateShareLinkAsync(transcript) : null;

        var reader = shared ? Render<TranscriptReader>(p => p.Add(r => r.ShareToken, token)) : RenderReader(transcript.Id);

        reader.WaitForAssertion(() => Assert.Equal(shared ? $"s/{token}/audio" : $"app/transcripts/{transcript.Id}/audio", reader.Find("audio").GetAttribute("src")), Patience);
        Assert.Contains("beeped out", reader.Find("[data-testid=reader-audio-note]").TextContent);
    }

    [Fact]
    public void UrlsTranscript_PlaysFromTheOriginalAddressForItsTeam()
    {
        var fetched = Database.AddTranscript(audioUrl: "https://media.example.com/talk.mp3");

        var reader = RenderReader(fetched.Id);

        Assert.Equal("https://media.example.com/talk.mp3", reader.Find("audio").GetAttribute("src"));
        Assert.Contains("media.example.com", reader.Find("[data-testid=reader-audio-note]").TextContent);
    }

    [Fact]
    public async Task SharedView_IsReadOnly_AndPlaysThroughTheToken()
    {
        var transcript = Database.AddTranscript(uploadId: StoreUpload(Database.User.PersonalTeamId));
        var token = await CreateShareLinkAsync(transcript);
        var reader = Render<TranscriptReader>(p => p.Add(r => r.ShareToken, token));

        WaitUntilReadable(reader);
        Assert.Equal($"s/{token}/audio", reader.Find("audio").GetAttribute("src"));
        Assert.Empty(reader.FindAll("[data-testid=open-share]"));
        Assert.Empty(reader.FindAll("[data-testid=toggle-editing]"));
        Assert.Empty(reader.FindAll("button.speaker-chip, button.reader-block__speaker"));
        Assert.DoesNotContain("All transcripts", reader.Markup);
        Assert.DoesNotContain(Database.User.Email!, reader.Markup);
        Assert.Contains("Shared with you, read-only", reader.Markup);

        Word(reader, "you").Click();
        Assert.Equal(3050, Player.Invocations["seek"][0].Arguments[1]);
    }

    [Fact]
    public async Task SharedView_OfAUrlsTranscript_HidesTheAddress()
    {
        var transcript = Database.AddTranscript(audioUrl: "https://storage.example.com/private/a.mp3?signature=secret");
        var token = await CreateShareLinkAsync(transcript);
        var reader = Render<TranscriptReader>(p => p.Add(r => r.ShareToken, token));

        reader.WaitForAssertion(() => Assert.NotEmpty(reader.FindAll(".w")), Patience);
        Assert.Empty(reader.FindAll("audio"));
        Assert.DoesNotContain("storage.example.com", reader.Markup);
    }

    [Fact]
    public async Task QueuedTranscript_ShowsItsStatus_AndShowsTheTextOnceRefreshed()
    {
        var transcript = Database.AddTranscript(status: TranscriptStatus.Queued);
        var reader = Render<TranscriptReader>(p => p.Add(r => r.TranscriptId, transcript.Id));
        reader.WaitForAssertion(() => Assert.Equal("queued", reader.Find("[data-testid=reader-status]").GetAttribute("data-status")), Patience);
        Assert.Empty(reader.FindAll("[data-testid=export-menu]"));

        Database.Update(transcript.Id, t =>
        {
            t.Status = TranscriptStatus.Completed;
            t.WordsJson = StoredWords.Write(Reader.ReaderDatabase.Conversation);
        });
        await reader.Instance.RefreshAsync();

        reader.WaitForAssertion(() => Assert.Equal(7, reader.FindAll(".w").Count), Patience);
        reader.WaitForAssertion(() => Assert.Single(Player.Invocations["attach"]), Patience);
    }

    [Fact]
    public async Task LiveChange_OfTheTranscript_ShowsItAtOnce()
    {
        var transcript = Database.AddTranscript(status: TranscriptStatus.Processing);
        var reader = Render<TranscriptReader>(p => p.Add(r => r.TranscriptId, transcript.Id).Add(r => r.PollInterval, TimeSpan.FromHours(1)));
        reader.WaitForAssertion(() => Assert.Equal("processing", reader.Find("[data-testid=reader-status]").GetAttribute("data-status")), Patience);

        Database.Update(transcript.Id, t =>
        {
            t.Status = TranscriptStatus.Completed;
            t.WordsJson = StoredWords.Write(Reader.ReaderDatabase.Conversation);
        });
        var notifier = Services.GetRequiredService<TranscriptNotifier>();
        await notifier.NotifyAsync(TranscriptChange.Of(Database.Reload(Database.AddTranscript().Id)));
        Assert.Empty(reader.FindAll(".w"));
        await notifier.NotifyAsync(TranscriptChange.Of(Database.Reload(transcript.Id)));

        reader.WaitForAssertion(() => Assert.Equal(7, reader.FindAll(".w").Count), Patience);
    }

    [Fact]
    public void ProcessingTranscript_IsPolledUntilItCompletes()
    {
        var transcript = Database.AddTranscript(status: TranscriptStatus.Processing);
        var reader = Render<TranscriptReader>(p => p.Add(r => r.TranscriptId, transcript.Id).Add(r => r.PollInterval, TimeSpan.FromMilliseconds(200)));
        reader.WaitForAssertion(() => Assert.Equal("processing", reader.Find("[data-testid=reader-status]").GetAttribute("data-status")), Patience);

        Database.Update(transcript.Id, t => t.Progress = 40);
        reader.WaitForAssertion(() => Assert.Contains("40%", reader.Find("[data-testid=reader-status]").TextContent), Patience);
        Database.Update(transcript.Id, t =>
        {
            t.Status = TranscriptStatus.Completed;
            t.WordsJson = StoredWords.Write(Reader.ReaderDatabase.Conversation);
        });

        reader.WaitForAssertion(() => Assert.Equal(7, reader.FindAll(".w").Count), Patience);
    }

    [Fact]
    public void FailedTranscript_ShowsTheReason()
    {
        var transcript = Database.AddTranscript(status: TranscriptStatus.Error);
        Database.Update(transcript.Id, t => t.Error = "Download error, unable to download http://example.com/a.mp3.");

        var reader = Render<TranscriptReader>(p => p.Add(r => r.TranscriptId, transcript.Id));

        reader.WaitForAssertion(() => Assert.Contains("unable to download http://example.com/a.mp3", reader.Find("[data-testid=reader-error]").TextContent), Patience);
    }

    [Fact]
    public void CompletedWithoutWords_SaysNoSpeechWasRecognised()
    {
        var transcript = Database.AddTranscript(words: []);

        var reader = Render<TranscriptReader>(p => p.Add(r => r.TranscriptId, transcript.Id));

        reader.WaitForAssertion(() => Assert.Contains("No speech was recognised", reader.Find("[data-testid=reader-empty]").TextContent), Patience);
        Assert.Empty(reader.FindAll("[data-testid=toggle-editing]"));
        Assert.NotEmpty(reader.FindAll("[data-testid=export-menu]"));
    }

    [Fact]
    public void DeletedTranscript_SaysSo()
    {
        var transcript = Database.AddTranscript();
        Database.Update(transcript.Id, t => t.DeletedAt = DateTime.UtcNow);

        var reader = Render<TranscriptReader>(p => p.Add(r => r.TranscriptId, transcript.Id));

        reader.WaitForAssertion(() => Assert.Equal("deleted", reader.Find("[data-testid=reader-status]").GetAttribute("data-status")), Patience);
        Assert.Empty(reader.FindAll(".w"));
    }

    [Fact]
    public void AnotherTeamsTranscript_LooksLikeNoTranscript()
    {
        var theirs = Database.AddTranscript(teamId: Database.OtherUser.PersonalTeamId);

        var reader = Render<TranscriptReader>(p => p.Add(r => r.TranscriptId, theirs.Id));

        reader.WaitForAssertion(() => Assert.Contains("Transcript not found", reader.Find("[data-testid=reader-not-found]").TextContent), Patience);
        Assert.DoesNotContain("hello", reader.Markup);
    }

    private IRenderedComponent<TranscriptReader> RenderReader(Guid transcriptId)
    {
        var reader = Render<TranscriptReader>(p => p.Add(r => r.TranscriptId, transcriptId));
        WaitUntilReadable(reader);
        return reader;
    }

    /// <summary>
    /// The words are shown and the player is attached. The words render first and the script is attached after that
    /// render; a click in between seeks only once it is (ReaderPlaybackTests), so a test that checks the seek at once
    /// must wait for the attach.
    /// </summary>
    private void WaitUntilReadable(IRenderedComponent<TranscriptReader> reader)
    {
        reader.WaitForAssertion(() => Assert.NotEmpty(reader.FindAll(".w")), Patience);
        reader.WaitForAssertion(() => Assert.NotEmpty(Player.Invocations["attach"]), Patience);
    }

    private async Task<string> CreateShareLinkAsync(Transcript transcript)
    {
        await using var db = Database.CreateDbContext();
        return (await new ShareLinkService(db, TimeProvider.System).CreateAsync(transcript.TeamId, transcript.Id, Database.User.Id, null))!.Token;
    }

    private static IElement Word(IRenderedComponent<TranscriptReader> reader, string text) =>
        reader.FindAll(".w").Single(w => w.TextContent == text);

    private static IElement Block(IRenderedComponent<TranscriptReader> reader, string text) =>
        reader.FindAll("[data-testid=utterance]").Single(b => b.TextContent.Contains(text));
}
