using System.Text.RegularExpressions;

namespace WebApp.Transcription.Redaction;

/// <summary>
/// Organisations: listed names ("Google", "Bank of America"), names ending in a word such as "Inc", "University" or
/// "Hospital" after one to three distinctive words ("Acme Corporation", "Northwest General Hospital"), and
/// "University of …" / "Bank of …" followed by a name. "The bank", "a big company" and "high school" stay.
/// </summary>
internal static partial class OrganizationPii
{
    /// <summary>Words that describe a kind of institution rather than name one: "law school", "community college".</summary>
    private static readonly IReadOnlySet<string> Generic = new HashSet<string>(
    [
        "law", "grad", "graduate", "night", "summer", "sunday", "public", "private", "boarding", "nursing", "dental",
        "business", "art", "film", "music", "cooking", "driving", "language", "police", "fire", "animal", "online",
        "insurance", "life", "health", "auto", "tech", "investment", "retail", "local", "small", "big", "large",
        "huge", "tiny", "old", "new", "good", "great", "whole", "entire", "parent", "holding", "shell", "software",
    ], StringComparer.Ordinal);

    public static IEnumerable<PiiMatch> Find(RedactionView view)
    {
        for (var i = 0; i < view.Count; i++)
        {
            var last = Known(view, i) ?? NamedInstitution(view, i) ?? NameThenEnding(view, i);
            if (last is { } end)
            {
                yield return new(PiiPolicy.Organization, i, end, PiiPriority.Organization);
                i = end;
            }
        }
    }

    private static int? Known(RedactionView view, int i) => Organizations.Known.MatchAt(view, i) is > 0 and var length ? i + length - 1 : null;

    /// <summary>"University of Alaska", "Bank of America", "Department of Justice".</summary>
    private static int? NamedInstitution(RedactionView view, int i)
    {
        if (!Organizations.NameStarts.Contains(view[i]) || view[i + 1] != "of")
        {
            return null;
        }

        var place = Places.Names.MatchAt(view, i + 2);
        if (place > 0)
        {
            return i + 1 + place;
        }

        var end = i + 1;
        while (end - i < 4 && IsNameWord(view, end + 1) && !view.SentenceEndsAfter(end))
        {
            end++;
        }

        return end > i + 1 ? end : null;
    }

    /// <summary>"Acme Corporation": distinctive words, then an ending, starting where the name starts.</summary>
    private static int? NameThenEnding(RedactionView view, int i)
    {
        if (!IsNameWord(view, i) || IsNameWord(view, i - 1))
        {
            return null;
        }

        var distinctive = false;
        for (var end = i; end < i + 3 && IsNameWord(view, end) && !view.SentenceEndsAfter(end); end++)
        {
            distinctive |= !Organizations.NameWords.Contains(view[end]) && !Generic.Contains(view[end]);
            if (Organizations.NameEndings.Contains(view[end + 1]))
            {
                return distinctive ? end + 1 : null;
            }
        }

        return null;
    }

    private static bool IsNameWord(RedactionView view, int i)
    {
        var word = view[i];
        // "John's company" is someone's company, not its name.
        return NameLike().IsMatch(word) && !Organizations.NameEndings.Contains(word) && !word.EndsWith("'s", StringComparison.Ordinal)
            && (Organizations.NameWords.Contains(word) || !CommonWords.Contains(word));
    }

    [GeneratedRegex(@"^[\p{L}\d][\p{L}\d'&.-]*$")]
    private static partial Regex NameLike();
}
