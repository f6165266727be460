namespace WebApp.Transcription.Redaction;

/// <summary>Finds every phrase of a word list, longest first, left to right without overlaps.</summary>
internal static class LexiconScan
{
    /// <param name="accept">Given the view, the first word and the length: whether this occurrence counts (e.g. a cue is near).</param>
    public static IEnumerable<PiiMatch> Find(RedactionView view, WordPhrases phrases, string policy, int priority, Func<RedactionView, int, int, bool>? accept = null)
    {
        for (var i = 0; i < view.Count; i++)
        {
            var length = phrases.MatchAt(view, i);
            if (length > 0 && (accept is null || accept(view, i, length)))
            {
                yield return new(policy, i, i + length - 1, priority);
                i += length - 1;
            }
        }
    }
}
