namespace WebApp.Transcription.Language;

/// <summary>
/// Turns an <see cref="AcousticFit"/> into the probability that the speech is English: logistic regression on
/// <see cref="Features"/>. Fitted on generated and recorded speech (bench/run.sh language-fit, calibration clips only);
/// not retrained at run time.
/// </summary>
public static class EnglishScore
{
    /// <summary>English at or above this probability.</summary>
    public const double DecisionProbability = 0.5;

    /// <summary>Names of <see cref="Features"/>, for the calibration's printout.</summary>
    public static readonly string[] FeatureNames = ["1", "gap/frame", "confidence"];

    /// <summary>
    /// Fitted on 38 calibration clips (bench/run.sh language-fit; logistic regression, ridge 0.1): English from flite,
    /// espeak-ng, LibriVox and the cards recordings against espeak-ng in 12 languages. The gap carries almost all of it.
    /// </summary>
    private static readonly double[] Weights = [8.884, -0.2194, 1.1528];

    /// <summary>
    /// How much worse the English word path fits the sound than the free phone loop, per 10 ms frame in thousands of
    /// pocketsphinx log units (English ~23–34, other languages ~43–63), and the recogniser's mean word confidence.
    /// </summary>
    public static double[] Features(AcousticFit fit)
    {
        var gap = (fit.PhoneAcousticScore - fit.WordAcousticScore) / 1000.0 / Math.Max(fit.Frames, 1);
        return [1, gap, fit.Words == 0 ? 0 : fit.WordConfidenceSum / fit.Words];
    }

    public static double Probability(AcousticFit fit)
    {
        if (fit.Frames == 0)
        {
            return 0;
        }

        var z = Features(fit).Select((value, i) => value * Weights[i]).Sum();
        return 1 / (1 + Math.Exp(-z));
    }
}
