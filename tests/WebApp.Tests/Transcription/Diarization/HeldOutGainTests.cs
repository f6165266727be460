using WebApp.Transcription.Diarization;

namespace WebApp.Tests.Transcription.Diarization;

/// <summary>The held-out gain and its standard error on pieces drawn from known Gaussians.</summary>
public sealed class HeldOutGainTests
{
    private const int Dimensions = 16;

    [Fact]
    public void Measure_BothSidesFromOneGaussian_NotTwoErrorsAboveZero()
    {
        var random = new Random(7);
        var (gain, error) = HeldOutGain.Measure(Pieces(random, 20, shift: 0), Pieces(random, 20, shift: 0), shrinkFrames: 2000);

        Assert.True(error > 0);
        // Two models fitted to half the frames each predict a little worse than one, so the gain is at or below zero.
        Assert.True(gain - 2 * error < 0, $"gain {gain}, error {error}");
    }

    [Fact]
    public void Measure_SidesWithDifferentMeans_GainSeveralErrorsAboveZero()
    {
        var random = new Random(7);
        var (gain, error) = HeldOutGain.Measure(Pieces(random, 20, shift: 0), Pieces(random, 20, shift: 0.6), shrinkFrames: 2000);

        Assert.True(gain - 3 * error > 0, $"gain {gain}, error {error}");
    }

    [Fact]
    public void Measure_MorePieces_SmallerError()
    {
        var random = new Random(7);
        var few = HeldOutGain.Measure(Pieces(random, 6, shift: 0), Pieces(random, 6, shift: 0.6), shrinkFrames: 2000);
        var many = HeldOutGain.Measure(Pieces(random, 60, shift: 0), Pieces(random, 60, shift: 0.6), shrinkFrames: 2000);

        Assert.True(many.StandardError < few.StandardError / 2, $"few {few.StandardError}, many {many.StandardError}");
    }

    /// <summary>Pieces of 100 frames of unit-variance noise around a mean of <paramref name="shift"/> in every dimension.</summary>
    private static GaussianStatistics[] Pieces(Random random, int count, double shift) =>
        Enumerable.Range(0, count).Select(_ =>
        {
            var piece = new GaussianStatistics(Dimensions);
            var row = new float[Dimensions];
            for (var frame = 0; frame < 100; frame++)
            {
                for (var i = 0; i < Dimensions; i++)
                {
                    // Box–Muller: a standard normal draw.
                    row[i] = (float)(shift + Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
                }

                piece.Add(row);
            }

            return piece;
        }).ToArray();
}
