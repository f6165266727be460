namespace WebApp.Transcription.Redaction;

/// <summary>
/// A set of phrases ("new york city", "type 2 diabetes") matched against whole view words, longest first. A word
/// matches as said or without its possessive: "alzheimer's" matches "alzheimer's", "texas's" matches "texas".
/// </summary>
internal sealed class WordPhrases
{
    private readonly Dictionary<string, List<string[]>> byFirstWord = new(StringComparer.Ordinal);
    private readonly int longest;

    public WordPhrases(IEnumerable<string> phrases)
    {
        foreach (var phrase in phrases)
        {
            var parts = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!byFirstWord.TryGetValue(parts[0], out var list))
            {
                byFirstWord[parts[0]] = list = [];
            }

            list.Add(parts);
            longest = Math.Max(longest, parts.Length);
        }

        foreach (var list in byFirstWord.Values)
        {
            list.Sort((a, b) => b.Length.CompareTo(a.Length));
        }
    }

    /// <summary>How many words the longest phrase starting at <paramref name="start"/> covers; 0 if none.</summary>
    public int MatchAt(RedactionView view, int start)
    {
        if (!byFirstWord.TryGetValue(view[start], out var candidates) && !byFirstWord.TryGetValue(view.Bare(start), out candidates))
        {
            return 0;
        }

        foreach (var parts in candidates)
        {
            var matched = true;
            for (var k = 1; k < parts.Length && matched; k++)
            {
                matched = (view[start + k] == parts[k] || view.Bare(start + k) == parts[k]) && !view.SentenceEndsAfter(start + k - 1);
            }

            if (matched)
            {
                return parts.Length;
            }
        }

        return 0;
    }

    /// <summary>Whether any phrase ends within the <paramref name="distance"/> words before <paramref name="index"/>.</summary>
    public bool EndsBefore(RedactionView view, int index, int distance)
    {
        for (var start = Math.Max(0, index - distance - longest); start < index; start++)
        {
            var length = MatchAt(view, start);
            if (length > 0 && start + length <= index && start + length > index - distance)
            {
                return true;
            }
        }

        return false;
    }
}
