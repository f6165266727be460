using WebApp.Transcription.Engines.Whisper;

namespace WebApp.Tests.Transcription.Whisper;

public sealed class WhisperWordsTests
{
    [Fact]
    public void FromTokens_PiecesAndPunctuation_JoinTheirWordAndSpecialTokensAreDropped()
    {
        WhisperTokenTiming[] tokens =
        [
            new("[_BEG_]", 0, 0, 0.9),
            new(" Hello", 10, 40, 0.8),
            new(",", 40, 42, 0.6),
            new(" Kub", 50, 60, 0.5),
            new("ernetes", 60, 90, 0.7),
            new(" -", 90, 95, 0.4),
            new(".", 95, 96, 1.0),
            new("[_TT_48]", 96, 96, 0.9),
            new("<|endoftext|>", 96, 96, 0.9),
        ];

        var words = WhisperWords.FromTokens(tokens, offsetMs: 1000, lengthMs: 5000, channel: 2);

        Assert.Equal(["Hello,", "Kubernetes -."], words.Select(word => word.Text));
        Assert.Equal((1100, 1420), (words[0].StartMs, words[0].EndMs));
        Assert.Equal((1500, 1960), (words[1].StartMs, words[1].EndMs));
        Assert.Equal(0.7, words[0].Confidence, 6);
        Assert.All(words, word => Assert.Equal(2, word.Channel));
    }

    [Fact]
    public void FromTokens_DegenerateTimings_AreClampedIntoTheWindowInOrder()
    {
        WhisperTokenTiming[] tokens =
        [
            new(" one", 300, 300, 0.5), // zero length
            new(" two", 200, 250, 0.5), // starts before the previous word
            new(" three", 2900, 3100, 0.5), // in whisper's padding, past the window
            new(" four", -5, -1, 1.5),
        ];

        var words = WhisperWords.FromTokens(tokens, offsetMs: 0, lengthMs: 10_000, channel: null);

        Assert.Equal(4, words.Count);
        Assert.All(words, word => Assert.InRange(word.StartMs, 0, 9_999));
        Assert.All(words, word => Assert.InRange(word.EndMs, word.StartMs + 1, 10_000));
        Assert.Equal(words.OrderBy(word => word.StartMs).Select(word => word.Text), words.Select(word => word.Text));
        Assert.Equal(1.0, words[3].Confidence);
    }
}
