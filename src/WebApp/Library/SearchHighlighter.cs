namespace WebApp.Library;

/// <summary>A piece of a title or snippet; <see cref="Match"/> pieces are the words the search found.</summary>
public readonly record struct TextPart(string Text, bool Match);

/// <summary>Why a transcript is in the search results: its title and a snippet with the matching words marked.</summary>
/// <param name="JumpMs">Where the first matching word is spoken, for the reader's ?t=; null when only the title matched.</param>
public sealed record SearchHit(IReadOnlyList<TextPart> Title, IReadOnlyList<TextPart> Snippet, int? JumpMs);

/// <summary>
/// Marks the words a search matched, with the same rule the search used (<see cref="SearchTerms.Matches"/>). The
/// snippet comes from the stored words rather than the text, so that one pass finds both it and the moment to jump to.
/// </summary>
public static class SearchHighlighter
{
    private const int WordsBefore = 8;
    private const int WordsAfter = 24;

    public static SearchHit Highlight(SearchTerms terms, string? title, string? wordsJson)
    {
        var titleParts = Mark(terms, title ?? "");
        if (wordsJson is null)
        {
            return new SearchHit(titleParts, [], null);
        }

        var window = TranscriptWords.AroundFirstMatch(wordsJson, terms, WordsBefore, WordsAfter);
        var snippet = Mark(terms, string.Join(' ', window.Words)).ToList();
        if (window.CutBefore)
        {
            snippet.Insert(0, new TextPart("… ", false));
        }

        if (window.CutAfter)
        {
            snippet.Add(new TextPart(" …", false));
        }

        return new SearchHit(titleParts, snippet, window.MatchStartMs);
    }

    /// <summary>The text in pieces, the matching words on their own.</summary>
    public static IReadOnlyList<TextPart> Mark(SearchTerms terms, string text)
    {
        var parts = new List<TextPart>();
        var plainFrom = 0;
        foreach (var (start, end) in SearchTerms.Tokens(text))
        {
            if (!terms.Matches(text.AsSpan(start, end - start)))
            {
                continue;
            }

            if (start > plainFrom)
            {
                parts.Add(new TextPart(text[plainFrom..start], false));
            }

            parts.Add(new TextPart(text[start..end], true));
            plainFrom = end;
        }

        if (text.Length > plainFrom)
        {
            parts.Add(new TextPart(text[plainFrom..], false));
        }

        return parts;
    }
}
