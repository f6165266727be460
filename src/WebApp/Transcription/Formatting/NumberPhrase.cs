namespace WebApp.Transcription.Formatting;

/// <summary>A spoken number read from consecutive words.</summary>
/// <param name="Value">The integer part; for a round large number ("two point five million") only the part before the scale.</param>
/// <param name="Fraction">Digits after "point", if any.</param>
/// <param name="Count">How many words it took.</param>
/// <param name="IsOrdinal">Ends in an ordinal ("twenty first").</param>
/// <param name="RoundScale">"million", "billion" or "trillion" when the number is a round count of one, written "5 million".</param>
/// <param name="SpokenAsHundreds">Said as "nineteen hundred" or "twenty five hundred" rather than with "thousand".</param>
/// <param name="SpokenAsThousands">Said as "two thousand [and] five": a count, or a year after "in".</param>
internal sealed record NumberPhrase(
    long Value,
    string? Fraction,
    int Count,
    bool IsOrdinal,
    string? RoundScale,
    bool SpokenAsHundreds,
    bool SpokenAsThousands);
