using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using WebApp.Data.Entities;
using WebApp.Transcription.Events;
using WebApp.Transcription.Model;
using WebApp.Uploads.Components;

namespace WebApp.Tests.Components.Transcripts;

public sealed class NewTranscriptPageTests : TranscriptPagesContext
{
    [Fact]
    public void Options_FollowTheServersCapabilities_UnsupportedOnesDisabledAndSaidSo()
    {
        var page = Render<NewTranscriptPage>();

        var offered = page.FindAll("[data-testid^=option-][data-supported]");
        Assert.NotEmpty(offered);
        foreach (var option in offered)
        {
            var name = option.GetAttribute("data-testid")!["option-".Length..];
            var feature = Features.Single(f => f.Name == name);
            var input = option.QuerySelector("input")!;
            Assert.Equal(feature.Supported ? "true" : "false", option.GetAttribute("data-supported"));
            Assert.Equal(!feature.Supported, input.HasAttribute("disabled"));
            Assert.Equal(!feature.Supported, option.TextContent.Contains("Not supported yet", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Submit_IsDisabled_UntilThereIsAFileOrALink()
    {
        var page = Render<NewTranscriptPage>();

        page.WaitForAssertion(() => Assert.Equal("Add a file or paste a link to start.", page.Find("[data-testid=submit-hint]").TextContent.Trim()), Patience);
        Assert.True(Submit(page).HasAttribute("disabled"));
    }

    [Fact]
    public void Link_ThatIsNotHttp_IsRefusedWithAReason()
    {
        var page = Render<NewTranscriptPage>();

        page.Find("input[data-testid=url-input]").Input("ftp://example.com/a.mp3");

        page.WaitForAssertion(() => Assert.Contains("Enter a link that starts with http:// or https://", page.Markup), Patience);
        Assert.True(Submit(page).HasAttribute("disabled"));
    }

    [Fact]
    public async Task Link_IsQueuedAsATranscriptOfTheUsersTeam_AndFollowedLive()
    {
        var page = Render<NewTranscriptPage>();
        page.Find("input[data-testid=url-input]").Input("https://example.com/talks/keynote%202026.mp3");
        page.WaitForAssertion(() => Assert.False(Submit(page).HasAttribute("disabled")), Patience);

        Submit(page).Click();

        var item = page.WaitForElement("[data-testid=upload-item][data-state=submitted]", Patience);
        await using var db = Database.CreateDbContext();
        var transcript = await db.Transcripts.SingleAsync();
        Assert.Equal(User.PersonalTeamId, transcript.TeamId);
        Assert.Equal(User.Id, transcript.UserId);
        Assert.Equal("keynote 2026.mp3", transcript.Title);
        Assert.Equal(TranscriptStatus.Queued, transcript.Status);
        Assert.Equal("en_us", StoredOptions.Read(transcript).Language.Code);
        Assert.Equal(transcript.Id.ToString(), item.GetAttribute("data-transcript-id"));
        Assert.Equal("queued", item.QuerySelector("[data-testid=status-chip]")!.GetAttribute("data-status"));

        var change = new TranscriptChange(transcript.Id, User.PersonalTeamId, TranscriptStatus.Processing, 60, transcript.Title, null);
        await Notifier.NotifyAsync(change);
        page.WaitForAssertion(() => Assert.Contains("Transcribing 60%", Item(page).TextContent), Patience);
        await Notifier.NotifyAsync(change with { Status = TranscriptStatus.Completed, Progress = 100 });

        page.WaitForAssertion(() => Assert.Equal($"transcripts/{transcript.Id}", Item(page).QuerySelector("[data-testid=open-transcript]")?.GetAttribute("href")), Patience);
        Assert.Contains("“https://example.com/talks/keynote%202026.mp3” is transcribed.", page.Markup);
    }

    [Fact]
    public async Task KeyTermsAndRedactedAudio_AreSentWithTheTranscript()
    {
        var page = Render<NewTranscriptPage>();
        page.Find("input[data-testid=url-input]").Input("https://example.com/call.mp3");
        page.Find("input[data-testid=option-keyterms]").Input("Okonkwo,  Kubernetes cluster ,");
        page.Find("[data-testid=option-redact_pii] input").Change(true);
        page.WaitForElement("[data-testid=option-redact_pii_audio] input", Patience).Change(true);
        page.WaitForAssertion(() => Assert.False(Submit(page).HasAttribute("disabled")), Patience);

        Submit(page).Click();

        page.WaitForElement("[data-testid=upload-item][data-state=submitted]", Patience);
        await using var db = Database.CreateDbContext();
        var options = StoredOptions.Read(await db.Transcripts.SingleAsync());
        Assert.Equal(["Okonkwo", "Kubernetes cluster"], options.Keyterms);
        Assert.NotNull(options.Redaction);
        Assert.NotNull(options.Redaction.Audio);
    }

    [Fact]
    public async Task InsightSwitches_AreSentWithTheTranscript()
    {
        var page = Render<NewTranscriptPage>();
        page.Find("input[data-testid=url-input]").Input("https://example.com/review.mp3");
        page.Find("[data-testid=option-entity_detection] input").Change(true);
        page.Find("[data-testid=option-sentiment_analysis] input").Change(true);
        page.WaitForAssertion(() => Assert.False(Submit(page).HasAttribute("disabled")), Patience);
        Assert.Equal("true", page.Find("[data-testid=option-auto_highlights]").GetAttribute("data-supported"));

        Submit(page).Click();

        page.WaitForElement("[data-testid=upload-item][data-state=submitted]", Patience);
        await using var db = Database.CreateDbContext();
        var options = StoredOptions.Read(await db.Transcripts.SingleAsync());
        Assert.Equal(new InsightOptions(EntityDetection: true, AutoHighlights: false, SentimentAnalysis: true), options.Insights);
    }

    [Fact]
    public void Context_IsNotOffered_WithoutAnEngineThatReadsIt() =>
        Assert.Empty(Render<NewTranscriptPage>().FindAll("[data-testid=option-prompt]"));

    [Fact]
    public async Task Context_IsOfferedWhenAWhisperModelIsInstalled_AndSentAsThePrompt()
    {
        InstallWhisperModel();

        var page = Render<NewTranscriptPage>();
        page.Find("input[data-testid=url-input]").Input("https://example.com/harbour.mp3");
        page.Find("textarea[data-testid=option-prompt]").Input("  Minutes of the harbour board: tides and moorings. ");
        page.WaitForAssertion(() => Assert.False(Submit(page).HasAttribute("disabled")), Patience);

        Submit(page).Click();

        page.WaitForElement("[data-testid=upload-item][data-state=submitted]", Patience);
        await using var db = Database.CreateDbContext();
        var stored = await db.Transcripts.SingleAsync();
        Assert.Equal("Minutes of the harbour board: tides and moorings.", StoredOptions.Read(stored).Hosted.Prompt);
    }

    [Fact]
    public void KeyTerms_TooLong_AreRefusedWithAReason()
    {
        var page = Render<NewTranscriptPage>();
        page.Find("input[data-testid=url-input]").Input("https://example.com/call.mp3");

        page.Find("input[data-testid=option-keyterms]").Input("one two three four five six seven");

        page.WaitForAssertion(() => Assert.Contains("at most 6 words a term", page.Markup), Patience);
        Assert.True(Submit(page).HasAttribute("disabled"));
    }

    [Fact]
    public async Task FailedTranscript_ShowsTheReason()
    {
        var page = Render<NewTranscriptPage>();
        page.Find("input[data-testid=url-input]").Input("https://example.com/a.mp3");
        page.WaitForAssertion(() => Assert.False(Submit(page).HasAttribute("disabled")), Patience);
        Submit(page).Click();
        page.WaitForElement("[data-testid=upload-item][data-state=submitted]", Patience);
        await using var db = Database.CreateDbContext();
        var transcript = await db.Transcripts.SingleAsync();

        await Notifier.NotifyAsync(new TranscriptChange(transcript.Id, User.PersonalTeamId, TranscriptStatus.Error, 0, "a.mp3", "Download error, unable to download https://example.com/a.mp3"));

        page.WaitForAssertion(() => Assert.Equal("Download error, unable to download https://example.com/a.mp3", Item(page).QuerySelector("[data-testid=upload-error]")?.TextContent), Patience);
    }

    [Fact]
    public async Task Files_TooLargeOrEmpty_AreRefusedBeforeUploading_WithTheReason()
    {
        var page = Render<NewTranscriptPage>();
        var dropZone = page.FindComponent<FileDropZone>();

        await page.InvokeAsync(() => dropZone.Instance.AddFiles(
        [
            new PickedFile("1", "huge.wav", MaxUploadBytes + 1, "audio/wav"),
            new PickedFile("2", "empty.mp3", 0, "audio/mpeg"),
            new PickedFile("3", "fine.m4a", 1000, "audio/mp4"),
        ]));

        var items = page.FindAll("[data-testid=upload-item]");
        Assert.Equal(["rejected", "rejected", "ready"], items.Select(i => i.GetAttribute("data-state")));
        Assert.Equal("Too large: this server accepts files up to 9.5 MB.", items[0].QuerySelector("[data-testid=upload-error]")!.TextContent);
        Assert.Equal("The file is empty.", items[1].QuerySelector("[data-testid=upload-error]")!.TextContent);
        Assert.Equal("Transcribe", Submit(page).TextContent.Trim());
        Assert.False(Submit(page).HasAttribute("disabled"));
    }

    private static IElement Submit(IRenderedComponent<NewTranscriptPage> page) => page.Find("button[data-testid=submit]");

    private static IElement Item(IRenderedComponent<NewTranscriptPage> page) => page.Find("[data-testid=upload-item]");

    private static readonly TranscriptFeature[] Features =
    [
        TranscriptFeatures.SpeakerLabels, TranscriptFeatures.SpeakersExpected, TranscriptFeatures.Multichannel, TranscriptFeatures.LanguageDetection,
        TranscriptFeatures.RedactPii, TranscriptFeatures.RedactPiiAudio, TranscriptFeatures.Keyterms, TranscriptFeatures.FilterProfanity,
        TranscriptFeatures.EntityDetection, TranscriptFeatures.AutoHighlights, TranscriptFeatures.SentimentAnalysis,
    ];
}
