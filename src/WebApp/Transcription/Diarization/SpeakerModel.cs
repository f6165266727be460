namespace WebApp.Transcription.Diarization;

/// <summary>A speaker's voice as one full-covariance Gaussian over feature frames; read-only once built.</summary>
internal sealed class SpeakerModel
{
    private readonly double[] mean;
    private readonly double[] factor;
    private readonly double logDeterminant;

    public SpeakerModel(GaussianStatistics statistics)
    {
        Dimensions = statistics.Dimensions;
        mean = statistics.Mean();
        factor = statistics.Covariance();
        logDeterminant = Cholesky.Factor(factor, Dimensions);
    }

    public int Dimensions { get; }

    /// <summary>Log-likelihood of one frame, up to a constant shared by all models of the same dimension.</summary>
    public double LogLikelihood(ReadOnlySpan<float> frame, Span<double> scratch) =>
        -0.5 * (Cholesky.MahalanobisSquared(factor, Dimensions, frame, mean, scratch) + logDeterminant);
}
