using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;

namespace WebApp.Transcription.Engines.PocketSphinx.Keyterms;

/// <summary>
/// Builds a <see cref="KeytermVocabulary"/>: words of the pronouncing dictionary keep their entries; for the others
/// espeak-ng's letter-to-sound rules give IPA, mapped to the acoustic model's phones (<see cref="IpaToArpabet"/>).
/// Done once per job, before any decoder is touched.
/// </summary>
public sealed class KeytermPronouncer(string modelDirectory, ILogger<KeytermPronouncer> logger)
{
    private readonly Lazy<HashSet<string>> dictionaryWords = new(() => ReadHeadwords(Path.Combine(modelDirectory, "cmudict-en-us.dict")));

    /// <returns>The vocabulary, or null when no term has a word to add.</returns>
    public async Task<KeytermVocabulary?> PronounceAsync(IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        var phrases = KeytermVocabulary.Split(terms);
        if (phrases.Count == 0)
        {
            return null;
        }

        var spellings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (text, spelling) in phrases.SelectMany(phrase => phrase))
        {
            spellings.TryAdd(text, spelling);
        }

        var unknown = spellings.Keys.Where(text => !dictionaryWords.Value.Contains(text)).ToList();
        var pronunciations = await GuessPronunciationsAsync(unknown, cancellationToken);

        var words = new List<KeytermWord>();
        foreach (var (text, spelling) in spellings)
        {
            if (dictionaryWords.Value.Contains(text))
            {
                words.Add(new KeytermWord(text, null, spelling));
            }
            else if (pronunciations.TryGetValue(text, out var phones))
            {
                words.Add(new KeytermWord(text, phones, spelling));
            }
            else
            {
                // Key terms are the customer's words: named at Debug only.
                logger.LogWarning("A key term word has no pronunciation and is left out");
                logger.LogDebug("No pronunciation for the key term word {Word}", text);
            }
        }

        if (words.Count == 0)
        {
            return null;
        }

        var known = words.Select(word => word.Text).ToHashSet(StringComparer.Ordinal);
        return new KeytermVocabulary(words, [.. phrases
            .Select(phrase => (IReadOnlyList<string>)[.. phrase.Select(word => word.Text)])
            .Where(phrase => phrase.All(known.Contains))]);
    }

    /// <summary>One espeak-ng run for all the words: it reads stdin a line at a time and answers a line per line.</summary>
    private async Task<Dictionary<string, string>> GuessPronunciationsAsync(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var pronunciations = new Dictionary<string, string>(StringComparer.Ordinal);
        if (words.Count == 0)
        {
            return pronunciations;
        }

        var output = await ExternalProcess.QueryAsync("espeak-ng", ["-q", "-v", "en-us", "--ipa"], cancellationToken,
            standardInput: string.Join('\n', words) + "\n");
        if (output is null)
        {
            logger.LogWarning("espeak-ng (Debian package espeak-ng) is missing or failed; key terms outside the dictionary are left out");
            return pronunciations;
        }

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length != words.Count)
        {
            logger.LogWarning("espeak-ng answered {Lines} lines for {Words} words; key terms outside the dictionary are left out", lines.Length, words.Count);
            return pronunciations;
        }

        foreach (var (word, ipa) in words.Zip(lines))
        {
            var phones = IpaToArpabet.Convert(ipa);
            if (phones.Length > 0)
            {
                pronunciations[word] = phones;
            }
        }

        return pronunciations;
    }

    private static HashSet<string> ReadHeadwords(string dictionaryPath)
    {
        // "read(2) R EH D" is an alternate of "read".
        return File.ReadLines(dictionaryPath)
            .Select(line => line.Split(' ', 2)[0])
            .Where(word => !word.EndsWith(')'))
            .ToHashSet(StringComparer.Ordinal);
    }
}
