using System.Text;
using System.Text.Json;

namespace WebApp.Library;

/// <summary>Some of a transcript's words, in order.</summary>
/// <param name="MatchStartMs">When the first word the search matched is spoken; null when no word matched.</param>
/// <param name="CutBefore">Whether words before <paramref name="Words"/> were left out.</param>
/// <param name="CutAfter">Whether words after them were left out.</param>
public sealed record WordWindow(IReadOnlyList<string> Words, int? MatchStartMs, bool CutBefore, bool CutAfter);

/// <summary>
/// Reads what the library needs from a transcript's stored words (WordsJson, AssemblyAI's word objects) in one pass,
/// without building them as objects: an hour of speech is about 10,000 words.
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
        var complete = ForEachWord(wordsJson, (text, start, _) =>
        {
            if (text is null)
            {
                return true;
            }

            if (matchStartMs is not null)
            {
                following.Add(text);
                return following.Count <= after;
            }

            if (start is not null && terms.MatchesAnyWordOf(text))
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

    /// <summary>How many different speakers the words are labelled with; null when none are (no speaker labels).</summary>
    public static int? SpeakerCount(string wordsJson)
    {
        var speakers = new HashSet<string>(StringComparer.Ordinal);
        ForEachWord(wordsJson, (_, _, speaker) =>
        {
            if (speaker is not null)
            {
                speakers.Add(speaker);
            }

            return true;
        });
        return speakers.Count == 0 ? null : speakers.Count;
    }

    private static WordWindow OpeningWords(string wordsJson, int count)
    {
        var words = new List<string>(count);
        var complete = ForEachWord(wordsJson, (text, _, _) =>
        {
            if (text is not null)
            {
                words.Add(text);
            }

            return words.Count < count;
        });
        return new WordWindow(words, null, false, !complete);
    }

    /// <param name="visit">Gets each word's text, start and speaker; returns false to stop.</param>
    /// <returns>True when every word was visited.</returns>
    private static bool ForEachWord(string wordsJson, Func<string?, int?, string?, bool> visit)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(wordsJson));
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return true;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string? text = null, speaker = null;
            int? start = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isText = reader.ValueTextEquals("text"u8);
                var isStart = reader.ValueTextEquals("start"u8);
                var isSpeaker = reader.ValueTextEquals("speaker"u8);
                reader.Read();
                if (isText && reader.TokenType == JsonTokenType.String)
                {
                    text = reader.GetString();
                }
                else if (isStart && reader.TokenType == JsonTokenType.Number)
                {
                    start = reader.GetInt32();
                }
                else if (isSpeaker && reader.TokenType == JsonTokenType.String)
                {
                    speaker = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }

            if (!visit(text, start, speaker))
            {
                // The last word visited may have been the last word of all.
                return !reader.Read() || reader.TokenType == JsonTokenType.EndArray;
            }
        }

        return true;
    }
}
