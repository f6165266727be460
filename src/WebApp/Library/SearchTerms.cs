using System.Globalization;
using System.Text;

namespace WebApp.Library;

/// <summary>
/// What someone typed into the library's search box, as words: runs of letters and digits, the way SQLite's
/// unicode61 tokenizer and PostgreSQL's parser split text. Every word must occur; the last one may be the start of a
/// word (search as you type). The database finds the transcripts (<see cref="TranscriptSearch"/>); the same rule then
/// finds the words to highlight and the moment to jump to (<see cref="SearchHighlighter"/>).
/// </summary>
public sealed class SearchTerms
{
    private const int MaxTerms = 8;
    private const int MaxTermLength = 64;

    private readonly string[] folded;

    private SearchTerms(string[] terms)
    {
        Terms = terms;
        folded = terms.Select(Fold).ToArray();
    }

    /// <summary>The words, lower case, in the order typed.</summary>
    public IReadOnlyList<string> Terms { get; }

    public bool IsEmpty => Terms.Count == 0;

    public static SearchTerms Parse(string? text)
    {
        var source = text ?? "";
        var terms = Tokens(source)
            .Select(token => source[token.Start..token.End].ToLowerInvariant())
            .Select(term => term.Length > MaxTermLength ? term[..MaxTermLength] : term)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxTerms)
            .ToArray();
        return new SearchTerms(terms);
    }

    /// <summary>A one-letter prefix would match most of the dictionary; only a last word of two or more letters is one.</summary>
    public bool IsPrefix(int index) => index == Terms.Count - 1 && Terms[index].Length >= 2;

    /// <summary>SQLite FTS5 syntax: each word quoted (so nothing typed is taken as an operator), all required.</summary>
    public string ToFts5Query() => string.Join(" AND ", Terms.Select((term, i) => $"\"{term}\"" + (IsPrefix(i) ? "*" : "")));

    /// <summary>PostgreSQL to_tsquery syntax; the words hold only letters and digits, so quoting cannot be escaped.</summary>
    public string ToTsQuery() => string.Join(" & ", Terms.Select((term, i) => $"'{term}'" + (IsPrefix(i) ? ":*" : "")));

    /// <summary>Whether a word of a transcript (one token, see <see cref="Tokens"/>) is one the search asked for.</summary>
    public bool Matches(ReadOnlySpan<char> token)
    {
        // Most words are plain ASCII: compare them as they are. Folding (accents away) allocates, and a search's
        // highlighting and jump-to-moment look at thousands of words.
        var word = Ascii.IsValid(token) ? token : Fold(token.ToString()).AsSpan();
        for (var i = 0; i < folded.Length; i++)
        {
            if (IsPrefix(i) ? word.StartsWith(folded[i], StringComparison.OrdinalIgnoreCase) : word.Equals(folded[i], StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether any word of <paramref name="text"/> matches.</summary>
    public bool MatchesAnyWordOf(string text) => Tokens(text).Any(token => Matches(text.AsSpan(token.Start, token.End - token.Start)));

    /// <summary>The words of a text: runs of letters, digits and combining marks, as start and end offsets.</summary>
    public static IEnumerable<(int Start, int End)> Tokens(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !IsWordChar(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                yield return (start, i);
            }
        }
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    // Lower case without accents, as SQLite's tokenizer compares (remove_diacritics 2): "Café" finds "cafe".
    private static string Fold(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
