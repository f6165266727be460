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
    /// <returns>Nats per held-out frame; NaN when a side has too few frames in a fold to fit a model.</returns>
    public static double Measure(IReadOnlyList<GaussianStatistics> first, IReadOnlyList<GaussianStatistics> second, double shrinkFrames)
    {
        var dimensions = first[0].Dimensions;
        double total = 0, frames = 0;
        for (var fold = 0; fold < 2; fold++)
        {
            var (trainA, testA) = Folds(first, fold, dimensions);
            var (trainB, testB) = Folds(second, fold, dimensions);
            if (trainA.Count < 2 * dimensions || trainB.Count < 2 * dimensions || testA.Count == 0 || testB.Count == 0)
            {
                return double.NaN;
            }

            var joint = new GaussianStatistics(dimensions);
            joint.Add(trainA);
            joint.Add(trainB);
            var jointCovariance = joint.Covariance();
            total += LogLikelihood(trainA, jointCovariance, shrinkFrames, testA) + LogLikelihood(trainB, jointCovariance, shrinkFrames, testB)
                - LogLikelihood(joint, jointCovariance, 0, testA) - LogLikelihood(joint, jointCovariance, 0, testB);
            frames += testA.Count + testB.Count;
        }

        return total / frames;
    }

    private static (GaussianStatistics Train, GaussianStatistics Test) Folds(IReadOnlyList<GaussianStatistics> side, int fold, int dimensions)
    {
        var (train, test) = (new GaussianStatistics(dimensions), new GaussianStatistics(dimensions));
        for (var i = 0; i < side.Count; i++)
        {
            (i % 2 == fold ? train : test).Add(side[i]);
        }

        return (train, test);
    }

    /// <summary>Log-likelihood of <paramref name="test"/>'s frames under a Gaussian fitted to <paramref name="train"/>, from their statistics alone.</summary>
    private static double LogLikelihood(GaussianStatistics train, double[] prior, double shrinkFrames, GaussianStatistics test)
    {
        var d = train.Dimensions;
        var own = train.Covariance();
        var covariance = new double[d * d];
        for (var i = 0; i < own.Length; i++)
        {
            covariance[i] = (train.Count * own[i] + shrinkFrames * prior[i]) / (train.Count + shrinkFrames);
        }

        var logDeterminant = Cholesky.Factor(covariance, d);
        var precision = Cholesky.Inverse(covariance, d);

        var testCovariance = test.Covariance();
        var (trainMean, testMean) = (train.Mean(), test.Mean());
        double trace = 0, mahalanobis = 0;
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++)
            {
                var c = i >= j ? testCovariance[i * d + j] : testCovariance[j * d + i];
                trace += precision[i * d + j] * c;
                mahalanobis += (testMean[i] - trainMean[i]) * precision[i * d + j] * (testMean[j] - trainMean[j]);
            }
        }

        return -0.5 * test.Count * (logDeterminant + trace + mahalanobis);
    }
}
