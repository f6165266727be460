using System.Globalization;
using System.Text;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;

namespace WebApp.Transcription.Engines.PocketSphinx.Keyterms;

/// <summary>
/// A small ARPA language model of the terms alone: every term word equally likely, and each word of a phrase likely
/// after the word before it. Interpolated with the big English model it lifts the terms everywhere (a word the big
/// model lacks gets a probability at all), and a phrase more than its separate words.
/// </summary>
public static class KeytermLanguageModel
{
    /// <summary>P(next word of the phrase | word) before backing off to the unigrams.</summary>
    private const double PhraseContinuation = 0.5;

    public static string ToArpa(KeytermVocabulary vocabulary)
    {
        var words = vocabulary.Words.Select(word => word.Text).Distinct(StringComparer.Ordinal).ToList();
        var bigrams = vocabulary.Phrases
            .SelectMany(phrase => phrase.Zip(phrase.Skip(1)))
            .Distinct()
            .ToList();
        var starts = bigrams.Select(pair => pair.First).ToHashSet(StringComparer.Ordinal);

        // The words and the sentence end share the unigram mass.
        var unigram = Log10(1.0 / (words.Count + 1));
        var continuation = Log10(PhraseContinuation);
        var backoff = Log10(1 - PhraseContinuation);

        var arpa = new StringBuilder();
        arpa.Append("\\data\\\n");
        arpa.Append(CultureInfo.InvariantCulture, $"ngram 1={words.Count + 2}\n");
        if (bigrams.Count > 0)
        {
            arpa.Append(CultureInfo.InvariantCulture, $"ngram 2={bigrams.Count}\n");
        }

        arpa.Append("\n\\1-grams:\n");
        arpa.Append("-99.0000 <s> 0.0000\n");
        arpa.Append(CultureInfo.InvariantCulture, $"{unigram:F4} </s>\n");
        foreach (var word in words)
        {
            arpa.Append(CultureInfo.InvariantCulture, $"{unigram:F4} {word}");
            arpa.Append(starts.Contains(word) ? string.Create(CultureInfo.InvariantCulture, $" {backoff:F4}\n") : " 0.0000\n");
        }

        if (bigrams.Count > 0)
        {
            arpa.Append("\n\\2-grams:\n");
            foreach (var (first, second) in bigrams)
            {
                arpa.Append(CultureInfo.InvariantCulture, $"{continuation:F4} {first} {second}\n");
            }
        }

        arpa.Append("\n\\end\\\n");
        return arpa.ToString();
    }

    private static double Log10(double probability) => Math.Log10(probability);
}
