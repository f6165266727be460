using System.Text.Json;
using WebApp.Transcription.Model;

namespace WebApp.Library;

/// <summary>Some of a transcript's words, in order.</summary>
/// <param name="MatchStartMs">When the first word the search matched is spoken; null when no word matched.</param>
/// <param name="CutBefore">Whether words before <paramref name="Words"/> were left out.</param>
/// <param name="CutAfter">Whether words after them were left out.</param>
public sealed record WordWindow(IReadOnlyList<string> Words, int? MatchStartMs, bool CutBefore, bool CutAfter);

/// <summary>
/// Reads what the library needs from a transcript's stored words (<see cref="StoredWords"/>) in one pass, stopping
/// as soon as it has it: an hour of speech is about 10,000 words.
/// </summary>
public static class TranscriptWords
{
    /// <summary>
    /// The words around the first one <paramref name="terms"/> matches (<paramref name="before"/> before it,
    /// <paramref name="after"/> after), or the opening words when none matches (only the title did).
    /// </summary>
    public static WordWindow AroundFirstMatch(string wordsJson, SearchTerms terms, int before, int after)
    {
        var recent = new Queue<string>(before + 1);
        var following = new List<string>(after + 1);
        var cutBefore = false;
        int? matchStartMs = null;
        var complete = ForEachWord(wordsJson, (text, start) =>
        {
            if (matchStartMs is not null)
            {
                following.Add(text);
                return following.Count <= after;
            }

            if (terms.MatchesAnyWordOf(text))
            {
                matchStartMs = start;
                following.Add(text);
                return after > 0;
            }

            recent.Enqueue(text);
            if (recent.Count > before)
            {
                recent.Dequeue();
                cutBefore = true;
            }

            return true;
        });

        // Nothing matched (only the title did): the opening words, rather than the last ones read.
        return matchStartMs is null
            ? OpeningWords(wordsJson, before + after + 1)
            : new WordWindow([.. recent, .. following], matchStartMs, cutBefore, !complete);
    }

    private static WordWindow OpeningWords(string wordsJson, int count)
    {
        var words = new List<string>(count);
        var complete = ForEachWord(wordsJson, (text, _) =>
        {
            words.Add(text);
            return words.Count < count;
        });
        return new WordWindow(words, null, false, !complete);
    }

    /// <param name="visit">Gets each word's text and start; returns false to stop.</param>
    /// <returns>True when every word was visited.</returns>
    private static bool ForEachWord(string wordsJson, Func<string, int, bool> visit) =>
        StoredWords.ForEach(wordsJson, (ref Utf8JsonReader reader) =>
        {
            var word = StoredWords.ReadWord(ref reader);
            return visit(word.Text, word.Start);
        });
}
