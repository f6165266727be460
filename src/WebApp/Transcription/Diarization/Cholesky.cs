namespace WebApp.Transcription.Diarization;

/// <summary>Cholesky factorisation of a covariance, for its log-determinant, its inverse and Gaussian log-likelihoods.</summary>
internal static class Cholesky
{
    /// <summary>
    /// Ridge added to the diagonal, relative to its mean: a second of speech gives 100 frames for a 16-dimensional
    /// covariance, which can come out (near) singular, and a singular covariance would make a cluster infinitely likely.
    /// </summary>
    private const double RelativeRidge = 1e-3;

    /// <summary>Replaces the lower triangle of <paramref name="matrix"/> (row-major) with L, where Σ = LLᵀ, and returns log |Σ|.</summary>
    public static double Factor(double[] matrix, int dimensions)
    {
        double trace = 0;
        for (var i = 0; i < dimensions; i++)
        {
            trace += matrix[i * dimensions + i];
        }

        var ridge = Math.Max(RelativeRidge * trace / dimensions, 1e-9);
        double logDeterminant = 0;
        for (var i = 0; i < dimensions; i++)
        {
            var rowI = i * dimensions;
            for (var j = 0; j <= i; j++)
            {
                var rowJ = j * dimensions;
                var value = matrix[rowI + j] + (i == j ? ridge : 0);
                for (var k = 0; k < j; k++)
                {
                    value -= matrix[rowI + k] * matrix[rowJ + k];
                }

                if (i == j)
                {
                    var diagonal = Math.Sqrt(Math.Max(value, ridge * 1e-3));
                    matrix[rowI + i] = diagonal;
                    logDeterminant += 2 * Math.Log(diagonal);
                }
                else
                {
                    matrix[rowI + j] = value / matrix[rowJ + j];
                }
            }
        }

        return logDeterminant;
    }

    /// <summary>Σ⁻¹ (full, row-major) given L from <see cref="Factor"/>: L⁻¹ by forward substitution, then Σ⁻¹ = L⁻ᵀL⁻¹.</summary>
    public static double[] Inverse(double[] factor, int dimensions)
    {
        var d = dimensions;
        var inverseFactor = new double[d * d];
        for (var column = 0; column < d; column++)
        {
            for (var i = column; i < d; i++)
            {
                var value = i == column ? 1.0 : 0.0;
                for (var k = column; k < i; k++)
                {
                    value -= factor[i * d + k] * inverseFactor[k * d + column];
                }

                inverseFactor[i * d + column] = value / factor[i * d + i];
            }
        }

        var inverse = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++)
            {
                double sum = 0;
                for (var k = Math.Max(i, j); k < d; k++)
                {
                    sum += inverseFactor[k * d + i] * inverseFactor[k * d + j];
                }

                inverse[i * d + j] = sum;
            }
        }

        return inverse;
    }

    /// <summary>(x − μ)ᵀ Σ⁻¹ (x − μ) given L from <see cref="Factor"/>, by forward substitution.</summary>
    public static double MahalanobisSquared(double[] factor, int dimensions, ReadOnlySpan<float> x, double[] mean, Span<double> scratch)
    {
        double total = 0;
        for (var i = 0; i < dimensions; i++)
        {
            var row = i * dimensions;
            var value = x[i] - mean[i];
            for (var k = 0; k < i; k++)
            {
                value -= factor[row + k] * scratch[k];
            }

            scratch[i] = value / factor[row + i];
            total += scratch[i] * scratch[i];
        }

        return total;
    }
}
