namespace WebApp.Transcription.Diarization;

/// <summary>
/// Per frame, how much better two models than one predict frames they were not fitted to: each side's pieces in two
/// alternating folds, models fitted on one fold and scored on the other, each side's covariance shrunk toward the
/// pair's with a weight in frames, so a side of a few seconds cannot win by overfitting its 136 covariance terms and
/// is judged mostly by its mean. Unlike ΔBIC's gain it does not grow with the frames: fragments of one voice predict
/// each other as well as the whole voice does, whatever their length, while two people do not.
/// </summary>
internal static class HeldOutGain
{
    /// <returns>
    /// Nats per held-out frame, and its standard error with each held-out piece as one observation (so it is wide for a
    /// side of a few seconds, or whose pieces disagree); NaN when a side has too few frames in a fold to fit a model.
    /// </returns>
    public static (double Gain, double StandardError) Measure(IReadOnlyList<GaussianStatistics> first, IReadOnlyList<GaussianStatistics> second, double shrinkFrames)
    {
        var dimensions = first[0].Dimensions;
        var pieceGains = new List<(double Total, double Frames)>();
        for (var fold = 0; fold < 2; fold++)
        {
            var (trainA, testA) = Folds(first, fold, dimensions);
            var (trainB, testB) = Folds(second, fold, dimensions);
            if (trainA.Count < 2 * dimensions || trainB.Count < 2 * dimensions || testA.Count == 0 || testB.Count == 0)
            {
                return (double.NaN, double.NaN);
            }

            var joint = new GaussianStatistics(dimensions);
            joint.Add(trainA);
            joint.Add(trainB);
            var jointCovariance = joint.Covariance();
            var jointModel = new Model(joint, jointCovariance, 0);
            foreach (var (train, test) in new[] { (trainA, testA), (trainB, testB) })
            {
                var own = new Model(train, jointCovariance, shrinkFrames);
                pieceGains.AddRange(test.Pieces.Select(piece => (own.LogLikelihood(piece) - jointModel.LogLikelihood(piece), piece.Count)));
            }
        }

        // The gain is a ratio of sums over the held-out pieces; its error, the usual one for such a ratio.
        var frames = pieceGains.Sum(piece => piece.Frames);
        var gain = pieceGains.Sum(piece => piece.Total) / frames;
        var spread = pieceGains.Sum(piece => Math.Pow(piece.Total - gain * piece.Frames, 2));
        return (gain, Math.Sqrt(spread * pieceGains.Count / Math.Max(1, pieceGains.Count - 1)) / frames);
    }

    private static (GaussianStatistics Train, (double Count, List<GaussianStatistics> Pieces) Test) Folds(IReadOnlyList<GaussianStatistics> side, int fold, int dimensions)
    {
        var (train, test) = (new GaussianStatistics(dimensions), new List<GaussianStatistics>());
        for (var i = 0; i < side.Count; i++)
        {
            if (i % 2 == fold)
            {
                train.Add(side[i]);
            }
            else
            {
                test.Add(side[i]);
            }
        }

        return (train, (test.Sum(piece => piece.Count), test));
    }

    /// <summary>A Gaussian fitted to a fold's statistics, its covariance shrunk toward a prior with a weight in frames.</summary>
    private sealed class Model
    {
        private readonly double[] mean;
        private readonly double[] precision;
        private readonly double logDeterminant;

        public Model(GaussianStatistics train, double[] prior, double shrinkFrames)
        {
            var d = train.Dimensions;
            var own = train.Covariance();
            var covariance = new double[d * d];
            for (var i = 0; i < own.Length; i++)
            {
                covariance[i] = (train.Count * own[i] + shrinkFrames * prior[i]) / (train.Count + shrinkFrames);
            }

            logDeterminant = Cholesky.Factor(covariance, d);
            precision = Cholesky.Inverse(covariance, d);
            mean = train.Mean();
        }

        /// <summary>Log-likelihood of the frames behind <paramref name="test"/>, from their statistics alone.</summary>
        public double LogLikelihood(GaussianStatistics test)
        {
            var d = mean.Length;
            var testCovariance = test.Covariance();
            var testMean = test.Mean();
            double trace = 0, mahalanobis = 0;
            for (var i = 0; i < d; i++)
            {
                for (var j = 0; j < d; j++)
                {
                    var c = i >= j ? testCovariance[i * d + j] : testCovariance[j * d + i];
                    trace += precision[i * d + j] * c;
                    mahalanobis += (testMean[i] - mean[i]) * precision[i * d + j] * (testMean[j] - mean[j]);
                }
            }

            return -0.5 * test.Count * (logDeterminant + trace + mahalanobis);
        }
    }
}
