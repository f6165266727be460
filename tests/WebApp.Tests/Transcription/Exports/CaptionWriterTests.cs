using WebApp.Transcription.Exports;
using WebApp.Transcription.Model;

namespace WebApp.Tests.Transcription.Exports;

public sealed class CaptionWriterTests
{
    private static readonly Word[] Words =
    [
        new("Last", 0, 300, 0.9), new("year", 300, 600, 0.9), new("I", 600, 700, 0.9), new("showed", 700, 1000, 0.9),
        new("these", 3000, 3300, 0.9), new("slides.", 3300, 3_700_000, 0.9),
    ];

    [Fact]
    public void Srt_NumbersCaptionsAndBreaksAtLongPauses()
    {
        var srt = CaptionWriter.Srt(Words, charsPerCaption: null);
        Assert.Equal(
            "1\n00:00:00,000 --> 00:00:01,000\nLast year I showed\n\n2\n00:00:03,000 --> 01:01:40,000\nthese slides.\n\n",
            srt);
    }

    [Fact]
    public void Vtt_RespectsCharsPerCaption()
    {
        var vtt = CaptionWriter.Vtt(Words[..4], charsPerCaption: 10);
        Assert.Equal("WEBVTT\n\n00:00.000 --> 00:00.600\nLast year\n\n00:00.600 --> 00:01.000\nI showed\n\n", vtt);
    }

    [Fact]
    public void Sentences_UsePunctuationWhenPresentAndPausesOtherwise()
    {
        Word[] punctuated = [new("Hi.", 0, 100, 1), new("Bye", 150, 200, 1), new("now.", 250, 300, 1)];
        Assert.Equal(["Hi.", "Bye now."], TranscriptSegmenter.Sentences(punctuated).Select(s => s.Text));

        Word[] raw = [new("hi", 0, 100, 1), new("there", 150, 200, 1), new("bye", 1200, 1300, 1)];
        Assert.Equal(["hi there", "bye"], TranscriptSegmenter.Sentences(raw).Select(s => s.Text));
    }

    [Fact]
    public void Utterances_FollowSpeakerChanges()
    {
        Word[] words = [new("a", 0, 1, 1, "A"), new("b", 1, 2, 1, "A"), new("c", 2, 3, 1, "B"), new("d", 3, 4, 1, "A")];
        Assert.Equal(["A", "B", "A"], TranscriptSegmenter.Utterances(words).Select(u => u.Speaker));
    }
}
