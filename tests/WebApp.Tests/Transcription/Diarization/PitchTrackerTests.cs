using WebApp.Transcription.Audio;
using WebApp.Transcription.Diarization;

namespace WebApp.Tests.Transcription.Diarization;

public sealed class PitchTrackerTests
{
    [Theory]
    [InlineData(70)]
    [InlineData(110)]
    [InlineData(196)]
    [InlineData(330)]
    public async Task LogPitch_Sawtooth_FindsItsFrequencyInNearlyEveryFrame(double hertz)
    {
        using var scratch = new ScratchDirectory();
        using var audio = await new AudioDecoder().DecodeAsync(TestAudio.Synth("sawtooth", hertz, 2, scratch.File("tone.wav")), CancellationToken.None);
        var frames = Enumerable.Range(5, 190).ToArray();

        var pitch = PitchTracker.LogPitch(audio, frames, CancellationToken.None);

        var voiced = pitch.Where(value => !float.IsNaN(value)).Select(value => Math.Exp(value)).ToArray();
        Assert.True(voiced.Length >= 0.95 * frames.Length, $"{voiced.Length} of {frames.Length} frames voiced");
        // Within a twentieth of a semitone in every frame: no octave errors, and the parabola refines the lag.
        Assert.All(voiced, found => Assert.InRange(12 * Math.Log2(found / hertz), -0.05, 0.05));
    }

    [Fact]
    public async Task LogPitch_WhiteNoise_IsAlmostNeverVoiced()
    {
        using var scratch = new ScratchDirectory();
        using var audio = await new AudioDecoder().DecodeAsync(TestAudio.Synth("whitenoise", 0, 2, scratch.File("noise.wav")), CancellationToken.None);

        var pitch = PitchTracker.LogPitch(audio, Enumerable.Range(0, 200).ToArray(), CancellationToken.None);

        Assert.True(pitch.Count(value => !float.IsNaN(value)) < 10, $"{pitch.Count(value => !float.IsNaN(value))} of 200 noise frames voiced");
    }

    [Fact]
    public void SemitonesApart_MediansAnOctaveApart_IsTwelveAndNaNWithTooFewVoicedFrames()
    {
        var low = Enumerable.Repeat((float)Math.Log(100), 60).Append(float.NaN).ToArray();
        var high = Enumerable.Repeat((float)Math.Log(200), 60).Concat(Enumerable.Repeat(float.NaN, 40)).ToArray();

        Assert.Equal(12, PitchTracker.SemitonesApart(low, high), precision: 6);
        Assert.True(double.IsNaN(PitchTracker.SemitonesApart(low, high.Take(PitchTracker.FewestVoicedFrames - 1))));
    }
}
