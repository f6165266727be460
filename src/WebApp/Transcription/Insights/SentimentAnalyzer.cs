namespace WebApp.Transcription.Insights;

/// <summary>How positive or negative one sentence is.</summary>
/// <param name="Compound">VADER's compound score: the summed valences normalised into [−1, 1].</param>
public readonly record struct SentimentScore(double Compound)
{
    /// <summary>VADER's published thresholds: at or beyond ±0.05 a sentence is positive or negative.</summary>
    public const double Threshold = 0.05;

    public Sentiment Sentiment => Compound >= Threshold ? Sentiment.Positive : Compound <= -Threshold ? Sentiment.Negative : Sentiment.Neutral;

    /// <summary>
    /// How far the score is from the other labels, in [0.5, 1]: a polar label grows with |compound| (0.05 → 0.525,
    /// 1 → 1), a neutral one shrinks as the score nears a threshold. A monotone mapping, not a calibrated probability.
    /// </summary>
    public double Confidence => Math.Round(Sentiment == Sentiment.Neutral ? 1 - Math.Abs(Compound) / Threshold / 2 : 0.5 + Math.Abs(Compound) / 2, 4);
}

public enum Sentiment
{
    Neutral,
    Positive,
    Negative,
}

/// <summary>
/// Rule-based sentence sentiment after VADER (Hutto and Gilbert, ICWSM 2014): each word's valence from a lexicon,
/// strengthened or weakened by the booster words before it, flipped by a negation up to three words back, weighted
/// around "but" (half before, one and a half after), emphasised by ALL CAPS among lower case and by "!"; the sum is
/// normalised into the compound score. The constants are the paper's. The lexicon is our own and small
/// (<see cref="SentimentLexicon"/>), and speech transcripts rarely carry capitals or "!", so those rules seldom fire.
/// </summary>
public static class SentimentAnalyzer
{
    private const double BoosterIncrement = 0.293;
    private const double CapsIncrement = 0.733;
    private const double NegationScalar = -0.74;
    private const double ExclamationIncrement = 0.292;
    private const double Alpha = 15;

    public static SentimentScore Score(string sentence)
    {
        var tokens = Tokens(sentence);
        var mixedCase = tokens.Any(IsAllCaps) && !tokens.All(IsAllCaps);
        var lower = tokens.Select(t => t.ToLowerInvariant()).ToArray();
        var valences = new double[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            valences[i] = Valence(tokens, lower, i, mixedCase);
        }

        ApplyBut(lower, valences);
        var sum = valences.Sum();
        if (sum != 0)
        {
            sum += Math.Sign(sum) * Math.Min(sentence.Count(c => c == '!'), 4) * ExclamationIncrement;
        }

        return new SentimentScore(Math.Round(Math.Clamp(sum / Math.Sqrt(sum * sum + Alpha), -1, 1), 4));
    }

    private static double Valence(string[] tokens, string[] lower, int i, bool mixedCase)
    {
        var word = lower[i];
        // "kind of" and "sort of" soften what follows; "kind" alone is a sentiment.
        if (SentimentLexicon.Boosters.ContainsKey(word) || (word is "kind" or "sort" && i + 1 < lower.Length && lower[i + 1] == "of")
            || !SentimentLexicon.Valence.TryGetValue(word, out var valence))
        {
            return 0;
        }

        if (mixedCase && IsAllCaps(tokens[i]))
        {
            valence += Math.Sign(valence) * CapsIncrement;
        }

        for (var back = 1; back <= 3 && i - back >= 0; back++)
        {
            var before = lower[i - back];
            var boost = BoosterFor(lower, i - back);
            if (boost != 0)
            {
                var scaled = Math.Sign(valence) * boost * BoosterIncrement;
                if (mixedCase && IsAllCaps(tokens[i - back]))
                {
                    scaled += Math.Sign(valence) * Math.Sign(boost) * CapsIncrement;
                }

                valence += back switch { 1 => scaled, 2 => scaled * 0.95, _ => scaled * 0.9 };
            }

            if (IsNegation(before))
            {
                valence *= NegationScalar;
            }
        }

        return valence;
    }

    /// <summary>+1 for an intensifier, −1 for a dampener ("kind of" counts on its "of"), 0 otherwise.</summary>
    private static double BoosterFor(string[] lower, int index) =>
        SentimentLexicon.Boosters.TryGetValue(lower[index], out var boost) ? boost
        : lower[index] == "of" && index > 0 && lower[index - 1] is "kind" or "sort" ? -1
        : 0;

    /// <summary>Sentiment before "but" counts half, after it one and a half times: the clause after "but" is what the speaker means.</summary>
    private static void ApplyBut(string[] lower, double[] valences)
    {
        var but = Array.IndexOf(lower, "but");
        if (but < 0)
        {
            return;
        }

        for (var i = 0; i < valences.Length; i++)
        {
            valences[i] *= i < but ? 0.5 : i > but ? 1.5 : 1;
        }
    }

    private static bool IsNegation(string word) => SentimentLexicon.Negations.Contains(word);

    private static bool IsAllCaps(string token) => token.Length > 1 && token.Any(char.IsLetter) && token.Where(char.IsLetter).All(char.IsUpper);

    /// <summary>Words without their surrounding punctuation or apostrophes ("Don't!" → "Dont").</summary>
    private static string[] Tokens(string sentence) =>
        [.. sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string([.. w.Where(c => char.IsLetterOrDigit(c) || c == '-')]).Trim('-'))
            .Where(w => w.Length > 0)];
}
