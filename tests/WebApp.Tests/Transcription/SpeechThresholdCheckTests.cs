using WebApp.Transcription;

namespace WebApp.Tests.Transcription;

public sealed class SpeechThresholdCheckTests
{
    [Fact]
    public void SpeechShare_CountsLoudFramesAgainstSilence()
    {
        // One second of speech, half a second of room noise, two and a half of digital silence.
        var loudness = Enumerable.Repeat(-20f, 100).Concat(Enumerable.Repeat(-70f, 50)).Concat(Enumerable.Repeat(-100f, 250)).ToArray();
        Assert.InRange(SpeechThresholdCheck.SpeechShare(loudness), 0.24, 0.26);
        Assert.Equal(0, SpeechThresholdCheck.SpeechShare(Enumerable.Repeat(-100f, 300).ToArray()));
    }

    [Fact]
    public void Message_IsAssemblyAisWording() =>
        Assert.Equal("Audio speech threshold 0.9461 is below the requested speech threshold value 1.0", SpeechThresholdCheck.Message(0.94617, 1));
}
