using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;
using WebApp.Transcription.Formatting;
using WebApp.Transcription.Model;
using Xunit.Abstractions;

namespace WebApp.Tests.Transcription.Formatting;

/// <summary>The formatter on what pocketsphinx really produces for read speech, pauses and all.</summary>
[Collection(SpeechEngineCollection.Name)]
public sealed class RecognizedSpeechFormattingTests(SpeechEngineFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Format_RecognizedReadSpeech_SentencesFollowThePausesBetweenClips()
    {
        var recording = fixture.LongRecording;
        var result = await fixture.Engine.TranscribeAsync(recording.Path, null, CancellationToken.None);
        var recognized = result.Words.Select(w => new Word(w.Text, w.StartMs, w.EndMs, w.Confidence)).ToList();

        var formatted = TranscriptFormatter.Format(recognized, FormattingOptions.AssemblyAiDefaults);
        output.WriteLine(TranscriptFormatter.JoinText(formatted));

        // 20 clips with pauses of 0.3–1 s between them: at least the longer pauses end sentences.
        var sentences = formatted.Count(w => w.Text.EndsWith('.') || w.Text.EndsWith('?'));
        Assert.InRange(sentences, 10, formatted.Count / 3);
        Assert.Matches("[.?]$", formatted[^1].Text);
        Assert.All(formatted.Zip(formatted.Skip(1)), pair => Assert.True(!pair.First.Text.EndsWith('.') || char.IsUpper(pair.Second.Text[0]), $"{pair.First.Text} {pair.Second.Text}"));
        Assert.All(formatted.Zip(formatted.Skip(1)), pair => Assert.True(pair.Second.Start >= pair.First.End, $"{pair.First} then {pair.Second}"));
    }

    [Fact]
    public async Task Format_RecognizedReadSpeech_KeepsEveryWordButFillers()
    {
        var result = await fixture.Engine.TranscribeAsync(LibrivoxClips.All[0].Path, null, CancellationToken.None);
        var recognized = result.Words.Select(w => new Word(w.Text, w.StartMs, w.EndMs, w.Confidence)).ToList();

        var formatted = TranscriptFormatter.Format(recognized, FormattingOptions.AssemblyAiDefaults);

        static string Bare(string text) => text.TrimEnd('.', ',', '?').ToLowerInvariant();
        Assert.Equal(recognized.Select(w => w.Text).Where(w => !FillerWords.Words.Contains(w)), formatted.Select(w => Bare(w.Text)));
    }
}
