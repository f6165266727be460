using WebApp.Transcription.Diarization;

namespace WebApp.Tests.Transcription.Diarization;

/// <summary>The scorer the diarization tests and bench rely on must itself be right.</summary>
public sealed class DiarizationErrorRateTests
{
    private static readonly SpeakerTurn[] Reference = [new(0, 4000, 0), new(5000, 9000, 1)];

    [Fact]
    public void Measure_SameTurnsWithSpeakersRenamed_IsZero()
    {
        var score = DiarizationErrorRate.Measure(Reference, [new(0, 4000, 1), new(5000, 9000, 0)], collarMs: 0);

        Assert.Equal(0, score.Rate);
    }

    [Fact]
    public void Measure_EverythingOneSpeaker_CountsTheOtherAsConfusion()
    {
        var score = DiarizationErrorRate.Measure(Reference, [new(0, 9000, 0)], collarMs: 0);

        Assert.Equal(8, score.ReferenceSeconds, precision: 6);
        Assert.Equal(4, score.ConfusionSeconds, precision: 6);
        Assert.Equal(1, score.FalseAlarmSeconds, precision: 6);
        Assert.Equal(5.0 / 8, score.Rate, precision: 6);
    }

    [Fact]
    public void Measure_MissedTurn_IsMissedSpeech()
    {
        var score = DiarizationErrorRate.Measure(Reference, [new(0, 4000, 0)], collarMs: 0);

        Assert.Equal(4, score.MissedSeconds, precision: 6);
        Assert.Equal(0.5, score.Rate, precision: 6);
    }

    [Fact]
    public void Measure_BoundaryOffByLessThanTheCollar_IsNotAnError()
    {
        var score = DiarizationErrorRate.Measure(Reference, [new(200, 4100, 0), new(4900, 9000, 1)]);

        Assert.Equal(0, score.Rate);
    }

    [Fact]
    public void Measure_ExtraHypothesisSpeaker_CannotShareAReferenceSpeaker()
    {
        var score = DiarizationErrorRate.Measure(Reference, [new(0, 2000, 0), new(2000, 4000, 2), new(5000, 9000, 1)], collarMs: 0);

        Assert.Equal(2, score.ConfusionSeconds, precision: 6);
    }
}
