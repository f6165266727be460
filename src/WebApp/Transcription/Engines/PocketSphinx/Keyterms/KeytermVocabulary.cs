using System.Text;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Model;

namespace WebApp.Transcription.Engines.PocketSphinx.Keyterms;

/// <param name="Text">As the recognizer spells it: lower case, no punctuation but apostrophes.</param>
/// <param name="Phones">
/// For a word the pronouncing dictionary lacks: its pronunciation in the acoustic model's phones ("K Y UW B ER N IY T S");
/// null for a dictionary word.
/// </param>
/// <param name="Spelling">How the caller wrote it ("Kubernetes"), which the transcript uses.</param>
public sealed record KeytermWord(string Text, string? Phones, string Spelling);

/// <summary>
/// The words and phrases of a request's keyterms_prompt, ready for a decoder: each word once, with a pronunciation for
/// the ones outside the dictionary, and each phrase as its sequence of words (so the language model can favour the
/// phrase, not only its words).
/// </summary>
public sealed class KeytermVocabulary
{
    public KeytermVocabulary(IReadOnlyList<KeytermWord> words, IReadOnlyList<IReadOnlyList<string>> phrases)
    {
        Words = words;
        Phrases = phrases;
        spellings = words.ToDictionary(word => word.Text, word => word.Spelling, StringComparer.Ordinal);
    }

    private readonly Dictionary<string, string> spellings;

    public IReadOnlyList<KeytermWord> Words { get; }

    public IReadOnlyList<IReadOnlyList<string>> Phrases { get; }

    /// <summary>The caller's spelling of a recognised word that is one of the terms' words, or the word unchanged.</summary>
    public string Respell(string recognised) => spellings.GetValueOrDefault(recognised, recognised);

    /// <summary>
    /// The terms as the recognizer's words: split at spaces and hyphens ("Byrne-Donoghue" is two words to the
    /// recognizer), other punctuation dropped, lower case. Terms left with no word are skipped.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<(string Text, string Spelling)>> Split(IEnumerable<string> terms) =>
        terms.Select(term => term.Split(RequestSizeLimits.KeytermWordSeparators, StringSplitOptions.RemoveEmptyEntries)
                .Select(CleanSpelling)
                .Where(spelling => spelling.Length > 0)
                .Select(spelling => (spelling.ToLowerInvariant(), spelling))
                .ToList())
            .Where(words => words.Count > 0)
            .ToList<IReadOnlyList<(string, string)>>();

    /// <summary>Letters, digits and inner apostrophes ("O'Brien"); the rest ("Inc.", "(TM)") is not spoken.</summary>
    private static string CleanSpelling(string token)
    {
        var kept = new StringBuilder(token.Length);
        foreach (var c in token.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c) || (c is '\'' or '’' && kept.Length > 0))
            {
                kept.Append(c == '’' ? '\'' : c);
            }
        }

        return kept.ToString().TrimEnd('\'');
    }
}
