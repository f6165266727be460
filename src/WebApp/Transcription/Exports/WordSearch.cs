using WebApp.Transcription.Model;

namespace WebApp.Transcription.Exports;

/// <summary>AssemblyAI's word search: each term (a word, number or phrase of up to five words) with where it occurs.</summary>
public static class WordSearch
{
    public const int MaxWordsPerPhrase = 5;

    /// <summary>Bounds on one request's terms, so a search costs at most this many passes over the words.</summary>
    public const int MaxTerms = 100;

    public const int MaxTermLength = 100;

    public sealed record Match(string Text, int Count, IReadOnlyList<int[]> Timestamps, IReadOnlyList<int> Indexes);

    public static IReadOnlyList<Match> Find(IReadOnlyList<Word> words, IEnumerable<string> terms)
    {
        var normalized = words.Select(w => Normalize(w.Text)).ToArray();
        var matches = new List<Match>();
        foreach (var term in terms)
        {
            var phrase = term.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Normalize).ToArray();
            var timestamps = new List<int[]>();
            var indexes = new List<int>();
            for (var i = 0; phrase.Length > 0 && i + phrase.Length <= normalized.Length; i++)
            {
                if (phrase.Select((p, k) => p == normalized[i + k]).All(equal => equal))
                {
                    timestamps.Add([words[i].Start, words[i + phrase.Length - 1].End]);
                    indexes.Add(i);
                }
            }

            matches.Add(new Match(term.Trim(), indexes.Count, timestamps, indexes));
        }

        return matches;
    }

    // Search ignores case and the punctuation formatting adds ("Smoke," matches "smoke").
    private static string Normalize(string text) =>
        new string(text.Where(c => char.IsLetterOrDigit(c) || c == '\'' || c == '-').ToArray()).ToLowerInvariant();
}
