namespace WebApp.Transcription.Formatting;

/// <summary>
/// Writes spoken forms the way people write them: numbers, money, percentages, times, dates, phone numbers, emails
/// and web addresses. Never joins words across a sentence end or a change of speaker.
/// </summary>
internal static class InverseTextNormalizer
{
    public static List<Token> Apply(IReadOnlyList<Token> tokens)
    {
        var split = SplitHyphenatedNumbers(tokens);
        var output = new List<Token>(split.Count);
        foreach (var (from, to) in Segments(split))
        {
            new NumberNormalizer(split, from, to, output).Run();
        }

        return SpokenAddresses.Apply(output);
    }

    /// <summary>Inclusive index ranges of tokens that may be joined: one sentence of one speaker.</summary>
    public static IEnumerable<(int From, int To)> Segments(IReadOnlyList<Token> tokens)
    {
        var from = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i == tokens.Count - 1 || tokens[i].EndsSentence || !tokens[i].SameVoiceAs(tokens[i + 1]))
            {
                yield return (from, i);
                from = i + 1;
            }
        }
    }

    /// <summary>The dictionary has "twenty-five" as one word; the number rules read it as two.</summary>
    private static List<Token> SplitHyphenatedNumbers(IReadOnlyList<Token> tokens)
    {
        var result = new List<Token>(tokens.Count);
        foreach (var token in tokens)
        {
            var parts = token.Lower.Split('-');
            if (parts.Length < 2 || !parts.All(NumberWords.IsNumberWord))
            {
                result.Add(token);
                continue;
            }

            var share = (token.End - token.Start) / parts.Length;
            for (var p = 0; p < parts.Length; p++)
            {
                var isLast = p == parts.Length - 1;
                result.Add(token with
                {
                    Text = parts[p],
                    Start = token.Start + (p * share),
                    End = isLast ? token.End : token.Start + ((p + 1) * share),
                    Break = isLast ? token.Break : Break.None,
                });
            }
        }

        return result;
    }
}

/// <summary>The words <see cref="From"/>..<see cref="To"/> (inclusive, within a sentence) written as <see cref="Text"/>.</summary>
internal readonly record struct Piece(string Text, int From, int To, Break? BreakAfter = null);
