namespace WebApp.Transcription.Diarization;

/// <summary>
/// Sufficient statistics (count, sum, sum of outer products) of a set of feature vectors: enough to fit a
/// full-covariance Gaussian to them, and to the union of two sets without revisiting a frame.
/// </summary>
internal sealed class GaussianStatistics
{
    private readonly double[] sum;
    private readonly double[] scatter;

    public GaussianStatistics(int dimensions)
    {
        Dimensions = dimensions;
        sum = new double[dimensions];
        scatter = new double[dimensions * dimensions];
    }

    public int Dimensions { get; }

    public double Count { get; private set; }

    public void Add(ReadOnlySpan<float> vector)
    {
        Count++;
        for (var i = 0; i < Dimensions; i++)
        {
            sum[i] += vector[i];
            var row = i * Dimensions;
            for (var j = 0; j <= i; j++)
            {
                scatter[row + j] += (double)vector[i] * vector[j];
            }
        }
    }

    public void Add(GaussianStatistics other)
    {
        Count += other.Count;
        for (var i = 0; i < sum.Length; i++)
        {
            sum[i] += other.sum[i];
        }

        for (var i = 0; i < scatter.Length; i++)
        {
            scatter[i] += other.scatter[i];
        }
    }

    public double[] Mean() => sum.Select(value => value / Count).ToArray();

    /// <summary>
    /// Lower triangle of the covariance (row-major, full size), of this set or of its union with
    /// <paramref name="other"/>, each set's frames counted with its weight.
    /// </summary>
    public double[] Covariance(GaussianStatistics? other = null, double weight = 1, double otherWeight = 1)
    {
        var count = weight * Count + otherWeight * (other?.Count ?? 0);
        var covariance = new double[Dimensions * Dimensions];
        for (var i = 0; i < Dimensions; i++)
        {
            var meanI = (weight * sum[i] + otherWeight * (other?.sum[i] ?? 0)) / count;
            for (var j = 0; j <= i; j++)
            {
                var meanJ = (weight * sum[j] + otherWeight * (other?.sum[j] ?? 0)) / count;
                var index = i * Dimensions + j;
                covariance[index] = (weight * scatter[index] + otherWeight * (other?.scatter[index] ?? 0)) / count - meanI * meanJ;
            }
        }

        return covariance;
    }

    /// <summary>log |Σ| of this set, or of its weighted union with <paramref name="other"/>.</summary>
    public double LogDeterminant(GaussianStatistics? other = null, double weight = 1, double otherWeight = 1) =>
        Cholesky.Factor(Covariance(other, weight, otherWeight), Dimensions);
}
