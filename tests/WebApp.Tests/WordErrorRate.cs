using System.Text;

namespace WebApp.Tests;

/// <param name="Errors">Substitutions + deletions + insertions.</param>
/// <param name="ReferenceWords">Words in the reference; the rate's denominator.</param>
public sealed record WordErrorRate(int Errors, int ReferenceWords)
{
    public double Rate => ReferenceWords == 0 ? (Errors == 0 ? 0 : 1) : (double)Errors / ReferenceWords;

    public override string ToString() => $"{Rate:P1} ({Errors}/{ReferenceWords})";

    /// <summary>
    /// Word-level Levenshtein distance between <paramref name="reference"/> and <paramref name="hypothesis"/>, after
    /// lower-casing and dropping punctuation (apostrophes stay: "don't" is one word).
    /// </summary>
    public static WordErrorRate Measure(string reference, string hypothesis)
    {
        var expected = Words(reference);
        var actual = Words(hypothesis);

        // One row of the edit-distance table at a time: distances from a prefix of the reference to each prefix of the hypothesis.
        var previous = Enumerable.Range(0, actual.Length + 1).ToArray();
        var current = new int[actual.Length + 1];
        for (var i = 1; i <= expected.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= actual.Length; j++)
            {
                var substitution = previous[j - 1] + (expected[i - 1] == actual[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return new WordErrorRate(previous[actual.Length], expected.Length);
    }

    public static string[] Words(string text)
    {
        var kept = new StringBuilder(text.Length);
        foreach (var character in text.ToLowerInvariant())
        {
            kept.Append(char.IsLetterOrDigit(character) || character == '\'' ? character : ' ');
        }

        return kept.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
