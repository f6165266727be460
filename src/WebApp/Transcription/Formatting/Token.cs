using WebApp.Transcription.Model;

namespace WebApp.Transcription.Formatting;

/// <summary>What follows a word: nothing, a clause pause, or the end of a sentence.</summary>
internal enum Break
{
    None,
    Comma,
    Period,
    Question,
    Exclamation,
}

/// <summary>
/// A word while it is being formatted. The punctuation after it is kept apart from <see cref="Text"/> so that rules
/// can look at the bare word; <see cref="First"/>..<see cref="Last"/> are the input words it stands for, which is how
/// redaction maps what it finds back onto the words it was given.
/// </summary>
internal sealed record Token(string Text, int Start, int End, double Confidence, string? Speaker, string? Channel, Break Break, int First, int Last)
{
    private const string TrailingMarks = ".,?!;:";

    public string Lower => Text.ToLowerInvariant();

    public bool EndsSentence => Break is Break.Period or Break.Question or Break.Exclamation;

    public static Token FromWord(Word word, int index)
    {
        var text = word.Text.Trim();
        if (Abbreviations.EndsWithOwnStop(text))
        {
            return new Token(text, word.Start, word.End, word.Confidence, word.Speaker, word.Channel, Break.None, index, index);
        }

        var core = text.TrimEnd(TrailingMarks.ToCharArray());
        var trailing = text[core.Length..];
        var breakAfter = trailing.Length == 0 ? Break.None : ReadMark(trailing[^1]);
        return new Token(core.Length == 0 ? text : core, word.Start, word.End, word.Confidence, word.Speaker, word.Channel, breakAfter, index, index);
    }

    public Word ToWord(bool withPunctuation) =>
        new(withPunctuation ? Text + Mark(Break) : Text, Start, End, Confidence, Speaker, Channel);

    /// <summary>
    /// One token standing for several. Confidence is the lowest of them: a phone number is only as sure as its least
    /// certain digit.
    /// </summary>
    public static Token Merge(IReadOnlyList<Token> tokens, int from, int to, string text)
    {
        var first = tokens[from];
        var last = tokens[to];
        var confidence = first.Confidence;
        for (var i = from + 1; i <= to; i++)
        {
            confidence = Math.Min(confidence, tokens[i].Confidence);
        }

        return new Token(text, first.Start, last.End, confidence, first.Speaker, first.Channel, last.Break, first.First, last.Last);
    }

    public bool SameVoiceAs(Token other) => Speaker == other.Speaker && Channel == other.Channel;

    private static Break ReadMark(char mark) => mark switch
    {
        '.' => Break.Period,
        '?' => Break.Question,
        '!' => Break.Exclamation,
        ',' or ';' or ':' => Break.Comma,
        _ => Break.None,
    };

    private static string Mark(Break mark) => mark switch
    {
        Break.Comma => ",",
        Break.Period => ".",
        Break.Question => "?",
        Break.Exclamation => "!",
        _ => "",
    };
}
