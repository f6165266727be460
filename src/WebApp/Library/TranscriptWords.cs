using System.Text;
using System.Text.Json;

namespace WebApp.Library;

/// <summary>
/// Reads what the library needs from a transcript's stored words (WordsJson, AssemblyAI's word objects) without
/// building them all as objects: an hour of speech is about 10,000 words.
/// </summary>
public static class TranscriptWords
{
    /// <summary>When the first word the search matches starts, in milliseconds; null if none does.</summary>
    public static int? FirstMatchStartMs(string wordsJson, SearchTerms terms)
    {
        int? found = null;
        ForEachWord(wordsJson, (text, start, _) =>
        {
            if (text is not null && start is not null && terms.MatchesAnyWordOf(text))
            {
                found = start;
                return false;
            }

            return true;
        });
        return found;
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

    /// <param name="visit">Gets each word's text, start and speaker; returns false to stop.</param>
    private static void ForEachWord(string wordsJson, Func<string?, int?, string?, bool> visit)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(wordsJson));
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return;
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
                return;
            }
        }
    }
}
