namespace WebApp.Library;

/// <summary>A piece of a title or snippet; <see cref="Match"/> pieces are the words the search found.</summary>
public readonly record struct TextPart(string Text, bool Match);

/// <summary>Why a transcript is in the search results: its title and a snippet with the matching words marked.</summary>
/// <param name="JumpMs">Where the first matching word is spoken, for the reader's ?t=; null when only the title matched.</param>
public sealed record SearchHit(IReadOnlyList<TextPart> Title, IReadOnlyList<TextPart> Snippet, int? JumpMs);

/// <summary>Marks the words a search matched, with the same rule the search used (<see cref="SearchTerms.Matches"/>).</summary>
public static class SearchHighlighter
{
    private const int WordsBefore = 8;
    private const int WordsAfter = 24;

    public static SearchHit Highlight(SearchTerms terms, string? title, string? text, string? wordsJson) => new(
        Mark(terms, title ?? "", 0, (title ?? "").Length),
        Snippet(terms, text ?? ""),
        wordsJson is null ? null : TranscriptWords.FirstMatchStartMs(wordsJson, terms));

    /// <summary>About 30 words around the first match, or the text's opening words when only the title matched.</summary>
    public static IReadOnlyList<TextPart> Snippet(SearchTerms terms, string text)
    {
        var tokens = SearchTerms.Tokens(text).ToList();
        if (tokens.Count == 0)
        {
            return [];
        }

        var first = tokens.FindIndex(t => terms.Matches(text.AsSpan(t.Start, t.End - t.Start)));
        var from = first < 0 ? 0 : Math.Max(0, first - WordsBefore);
        var to = Math.Min(tokens.Count - 1, (first < 0 ? 0 : first) + WordsAfter);
        var start = tokens[from].Start;
        var end = to == tokens.Count - 1 ? text.Length : tokens[to].End;
        var parts = Mark(terms, text, start, end).ToList();
        if (from > 0)
        {
            parts.Insert(0, new TextPart("…", false));
        }

        if (end < text.Length)
        {
            parts.Add(new TextPart("…", false));
        }

        return parts;
    }

    private static IReadOnlyList<TextPart> Mark(SearchTerms terms, string text, int start, int end)
    {
        var parts = new List<TextPart>();
        var plainFrom = start;
        foreach (var (tokenStart, tokenEnd) in SearchTerms.Tokens(text[..end]))
        {
            if (tokenStart < start || !terms.Matches(text.AsSpan(tokenStart, tokenEnd - tokenStart)))
            {
                continue;
            }

            if (tokenStart > plainFrom)
            {
                parts.Add(new TextPart(text[plainFrom..tokenStart], false));
            }

            parts.Add(new TextPart(text[tokenStart..tokenEnd], true));
            plainFrom = tokenEnd;
        }

        if (end > plainFrom)
        {
            parts.Add(new TextPart(text[plainFrom..end], false));
        }

        return parts;
    }
}
