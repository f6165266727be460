namespace WebApp.Transcription.Formatting;

/// <summary>
/// Hesitation sounds, removed unless disfluencies are asked for (AssemblyAI's default removes them). All but "erm"
/// and "mm-hmm" are in the recognizer's dictionary, so it does produce them.
/// </summary>
internal static class FillerWords
{
    public static readonly IReadOnlySet<string> Words = new HashSet<string>(
        ["um", "umm", "uh", "uhm", "uh-huh", "hmm", "hm", "mm", "mhm", "mm-hmm", "er", "erm", "ah"],
        StringComparer.Ordinal);

    /// <summary>
    /// Drops fillers. A sentence end that followed a filler moves to the word before it; a comma around a filler goes,
    /// since the pause was the hesitation itself ("I think, um, we" → "I think we").
    /// </summary>
    public static List<Token> Remove(IReadOnlyList<Token> tokens)
    {
        var result = new List<Token>(tokens.Count);
        foreach (var token in tokens)
        {
            if (!Words.Contains(token.Lower))
            {
                result.Add(token);
                continue;
            }

            if (result.Count > 0 && result[^1].SameVoiceAs(token))
            {
                var previous = result[^1];
                var kept = previous.EndsSentence ? previous.Break : token.EndsSentence ? token.Break : Break.None;
                result[^1] = previous with { Break = kept };
            }
        }

        return result;
    }
}
