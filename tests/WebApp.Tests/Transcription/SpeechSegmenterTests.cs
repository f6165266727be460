using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;

namespace WebApp.Tests.Transcription;

[Collection(SpeechEngineCollection.Name)]
public sealed class SpeechSegmenterTests(SpeechEngineFixture fixture)
{
    private const float Speech = -20;
    private const float Pause = -55;
    private const float DigitalSilence = FrameLoudness.Floor;
    private const int SamplesPerSecond = DecodedAudio.SampleRate;

    private readonly SpeechSegmenter segmenter = new(new SegmenterSettings(MinimumSeconds: 20, MaximumSeconds: 40, HardMaximumSeconds: 60));

    [Fact]
    public void Split_RecordingShorterThanMaximum_IsOneSegment()
    {
        var loudness = Talk(seconds: 35, pauseEverySeconds: 5);

        var segments = Split(loudness);

        Assert.Equal([new SpeechSegment(0, 35 * SamplesPerSecond)], segments);
    }

    [Fact]
    public void Split_LongTalk_CutsOnlyInsidePausesWithinTheWindow()
    {
        var loudness = Talk(seconds: 301, pauseEverySeconds: 7);

        var segments = Split(loudness);

        AssertContiguous(segments, 301);
        Assert.All(segments.SkipLast(1), segment => Assert.InRange(segment.SampleCount, 20 * SamplesPerSecond, 40 * SamplesPerSecond));
        Assert.All(segments.Skip(1), segment => Assert.Equal(Pause, loudness[(int)(segment.StartSample / FrameLoudness.SamplesPerFrame)]));
    }

    [Fact]
    public void Split_OnlyPauseIsPastTheWindow_WaitsForIt()
    {
        var loudness = Concat(Constant(50, Speech), Constant(0.5, Pause), Constant(30, Speech));

        var segments = Split(loudness);

        Assert.Equal(2, segments.Count);
        Assert.InRange(segments[1].StartSample, 50 * SamplesPerSecond, (long)(50.5 * SamplesPerSecond));
    }

    [Fact]
    public void Split_NoPauseAnywhere_StillCutsBeforeTheHardMaximum()
    {
        var loudness = Constant(200, Speech);

        var segments = Split(loudness);

        AssertContiguous(segments, 200);
        Assert.All(segments, segment => Assert.True(segment.SampleCount <= 60 * SamplesPerSecond));
    }

    [Fact]
    public void Split_LongSilenceBetweenTalk_LeavesTheSilenceOut()
    {
        var loudness = Concat(Talk(30, 5), Constant(60, DigitalSilence), Talk(30, 5));

        var segments = Split(loudness);

        Assert.NotEmpty(segments);
        Assert.DoesNotContain(segments, segment => segment.StartSample >= 31 * SamplesPerSecond && segment.EndSample <= 89 * SamplesPerSecond);
        Assert.Equal(0, segments[0].StartSample);
        Assert.Equal(120L * SamplesPerSecond, segments[^1].EndSample);
    }

    [Fact]
    public void Split_Silence_ReturnsNoSegments()
    {
        Assert.Empty(Split(Constant(90, DigitalSilence)));
        Assert.Empty(Split(Constant(10, -75)));
    }

    [Fact]
    public async Task Split_LibrivoxRecording_CutsOnlyAtQuietMoments()
    {
        using var audio = await new AudioDecoder().DecodeAsync(fixture.LongRecording.Path, CancellationToken.None);
        var loudness = FrameLoudness.Measure(audio);

        var segments = new SpeechSegmenter().Split(audio);

        Assert.True(segments.Count >= 2, $"{segments.Count} segments");
        Assert.All(segments.Zip(segments.Skip(1)), pair => Assert.True(pair.First.EndSample <= pair.Second.StartSample));
        // Only silence may be left out: every frame with sound in it is in a segment.
        var covered = new bool[loudness.Length];
        foreach (var segment in segments)
        {
            Array.Fill(covered, true, (int)(segment.StartSample / FrameLoudness.SamplesPerFrame), segment.SampleCount / FrameLoudness.SamplesPerFrame);
        }

        Assert.All(Enumerable.Range(0, loudness.Length).Where(frame => loudness[frame] > -60), frame => Assert.True(covered[frame], $"frame {frame}"));
        // The recording's own background is about -50 dBFS, its speech -30 to -15.
        Assert.All(segments.Skip(1), segment => Assert.InRange(loudness[(int)(segment.StartSample / FrameLoudness.SamplesPerFrame)], FrameLoudness.Floor, -45));
    }

    private IReadOnlyList<SpeechSegment> Split(float[] loudness) =>
        segmenter.Split(loudness, (long)loudness.Length * FrameLoudness.SamplesPerFrame);

    private static void AssertContiguous(IReadOnlyList<SpeechSegment> segments, double totalSeconds)
    {
        Assert.Equal(0, segments[0].StartSample);
        Assert.All(segments.Zip(segments.Skip(1)), pair => Assert.Equal(pair.First.EndSample, pair.Second.StartSample));
        Assert.Equal((long)Math.Round(totalSeconds * SamplesPerSecond), segments[^1].EndSample);
    }

    /// <summary>Speech with a 0.4 s pause every <paramref name="pauseEverySeconds"/>.</summary>
    private static float[] Talk(double seconds, double pauseEverySeconds) =>
        Concat(Enumerable.Range(0, (int)(seconds / pauseEverySeconds))
            .Select(_ => Concat(Constant(pauseEverySeconds - 0.4, Speech), Constant(0.4, Pause)))
            .ToArray());

    private static float[] Constant(double seconds, float decibels) => Enumerable.Repeat(decibels, (int)Math.Round(seconds * 100)).ToArray();

    private static float[] Concat(params float[][] parts) => parts.SelectMany(part => part).ToArray();
}
