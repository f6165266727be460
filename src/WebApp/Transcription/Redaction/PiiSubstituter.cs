using System.Text;
using WebApp.Transcription.Model;

namespace WebApp.Transcription.Redaction;

/// <summary>Writes redacted words: '#' for each letter and digit, or the entity's name in brackets.</summary>
internal static class PiiSubstituter
{
    private static readonly char[] TrailingPunctuation = ['.', ',', '?', '!', ';', ':'];

    public static List<Word> Replace(IReadOnlyList<Word> words, IReadOnlyList<FoundEntity> entities, PiiSubstitution substitution)
    {
        var result = new List<Word>(words.Count);
        var next = 0;
        foreach (var entity in entities)
        {
            result.AddRange(words.Skip(next).Take(entity.FirstWord - next));
            if (substitution == PiiSubstitution.Hash)
            {
                // Each word stays a word with its own timing; only its letters and digits are hidden.
                result.AddRange(Enumerable.Range(entity.FirstWord, entity.LastWord - entity.FirstWord + 1).Select(i => words[i] with { Text = Hash(words[i].Text) }));
            }
            else
            {
                result.Add(Named(words, entity));
            }

            next = entity.LastWord + 1;
        }

        result.AddRange(words.Skip(next));
        return result;
    }

    private static string Hash(string text)
    {
        var hashed = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            hashed.Append(char.IsLetterOrDigit(c) ? '#' : c);
        }

        return hashed.ToString();
    }

    /// <summary>"John Smith." → one word "[PERSON_NAME]." spanning both, so the text reads "My name is [PERSON_NAME].".</summary>
    private static Word Named(IReadOnlyList<Word> words, FoundEntity entity)
    {
        var first = words[entity.FirstWord];
        var last = words[entity.LastWord];
        var lastText = last.Text;
        var punctuation = lastText[lastText.TrimEnd(TrailingPunctuation).Length..];
        var confidence = Enumerable.Range(entity.FirstWord, entity.LastWord - entity.FirstWord + 1).Min(i => words[i].Confidence);
        return first with { Text = $"[{entity.Entity.Policy.ToUpperInvariant()}]{punctuation}", End = last.End, Confidence = confidence };
    }
}
