using WebApp.Data.Entities;
using WebApp.Transcription.Formatting;
using WebApp.Transcription.Model;
using WebApp.Transcription.Redaction;

namespace WebApp.Tests.Transcription.Model;

public sealed class StoredFormatTests
{
    [Fact]
    public void Words_RoundTrip_KeepEveryField()
    {
        Word[] words =
        [
            new("Hello,", 120, 480, 0.93125, "A", null),
            new("\"quoted\" ünïcode \\ / \u2028", 500, 900, 0.5, null, "2"),
            new("", 950, 951, 0, "1B", "1"),
        ];

        var json = StoredWords.Write(words);

        Assert.StartsWith("{\"v\":1,", json);
        Assert.Equal(words, StoredWords.Read(json));
    }

    [Fact]
    public void Words_ForEach_StopsWhenAskedAndSaysWhetherAllWereSeen()
    {
        var json = StoredWords.Write([new("a", 0, 1, 1), new("b", 1, 2, 1), new("c", 2, 3, 1)]);
        var seen = new List<string>();

        var complete = StoredWords.ForEach(json, (ref System.Text.Json.Utf8JsonReader reader) =>
        {
            seen.Add(StoredWords.ReadWord(ref reader).Text);
            return seen.Count < 2;
        });

        Assert.Equal(["a", "b"], seen);
        Assert.False(complete);
        Assert.True(StoredWords.ForEach(json, (ref System.Text.Json.Utf8JsonReader _) => true));
    }

    [Fact]
    public void Words_InAssemblyAisOldFormat_AreRefusedNotMisread()
    {
        Assert.Throws<InvalidDataException>(() => StoredWords.Read("""[{"text":"hi","start":0,"end":1,"confidence":1}]"""));
        Assert.Throws<InvalidDataException>(() => StoredWords.Read("""{"v":2,"words":[]}"""));
    }

    [Fact]
    public void Options_RoundTrip_KeepEveryField()
    {
        var options = new TranscriptOptions
        {
            AudioUrl = "https://example.com/a.mp3",
            SpeechModels = ["universal-3-pro", "nano"],
            Language = new LanguageOptions(null, true, 0.4, new LanguageCandidates(["en", "de"], "en", false, 0.3)),
            Formatting = new FormattingOptions(false, true, true, false, [new CustomSpelling(["dicarlo", "di carlo"], "DiCarlo")]),
            Speakers = new SpeakerOptions(true, null, 2, 4),
            Multichannel = true,
            AudioStartFrom = 1000,
            AudioEndAt = 9000,
            Keyterms = ["Okonkwo"],
            Redaction = new RedactionOptions(["person_name"], PiiSubstitution.EntityName, new RedactedAudioOptions("wav", true, false)),
            SpeechThreshold = 0.2,
            Webhook = new WebhookTarget("https://hooks.example.com/x", "X-Secret", "s3cret"),
        };
        var transcript = new Transcript { AudioUrl = options.AudioUrl, OptionsJson = StoredOptions.Write(options) };

        var read = StoredOptions.Read(transcript);

        Assert.True(StoredOptions.IsCurrent(transcript.OptionsJson));
        Assert.DoesNotContain("example.com/a.mp3", transcript.OptionsJson);
        Assert.Equal(options.SpeechModels, read.SpeechModels);
        Assert.Equal(options.Language.Candidates!.Expected, read.Language.Candidates!.Expected);
        Assert.Equal(options.Language with { Candidates = null }, read.Language with { Candidates = null });
        Assert.Equal(options.Formatting.CustomSpelling[0].From, read.Formatting.CustomSpelling[0].From);
        Assert.Equal(options.Speakers, read.Speakers);
        Assert.Equal(options.Redaction.Policies, read.Redaction!.Policies);
        Assert.Equal(options.Redaction.Audio, read.Redaction.Audio);
        Assert.Equal(PiiSubstitution.EntityName, read.Redaction.Substitution);
        Assert.Equal(options.Webhook, read.Webhook);
        Assert.Equal((options.AudioUrl, options.Multichannel, options.AudioStartFrom, options.AudioEndAt, options.SpeechThreshold),
            (read.AudioUrl, read.Multichannel, read.AudioStartFrom, read.AudioEndAt, read.SpeechThreshold));
        Assert.Equal(options.Keyterms, read.Keyterms);
    }

    [Fact]
    public void Options_NotYetUpgraded_AreRefused()
    {
        Assert.False(StoredOptions.IsCurrent("""{"audio_url":"https://example.com/a.mp3"}"""));
        Assert.Throws<InvalidDataException>(() => StoredOptions.Read("""{"audio_url":"https://example.com/a.mp3"}"""));
    }
}
