namespace WebApp.Transcription.Formatting;

/// <summary>AssemblyAI's formatting switches for one transcript.</summary>
/// <param name="Punctuate">Add sentence and clause punctuation from pauses (AssemblyAI default: on).</param>
/// <param name="FormatText">Casing and spoken forms written as numbers, money, times, dates and emails (default: on).</param>
/// <param name="Disfluencies">Keep filler words such as "um" (default: off, so they are removed).</param>
/// <param name="FilterProfanity">Mask profane words as "s***" (default: off).</param>
/// <param name="CustomSpelling">Replacements applied last, to the formatted words.</param>
public sealed record FormattingOptions(
    bool Punctuate,
    bool FormatText,
    bool Disfluencies,
    bool FilterProfanity,
    IReadOnlyList<CustomSpelling> CustomSpelling)
{
    /// <summary>What AssemblyAI does when a request says nothing.</summary>
    public static FormattingOptions AssemblyAiDefaults { get; } = new(Punctuate: true, FormatText: true, Disfluencies: false, FilterProfanity: false, CustomSpelling: []);

    /// <summary>A request's switches, each left out (null) taking AssemblyAI's default.</summary>
    public static FormattingOptions FromRequest(bool? punctuate, bool? formatText, bool? disfluencies, bool? filterProfanity, IReadOnlyList<CustomSpelling>? customSpelling) =>
        new(punctuate ?? true, formatText ?? true, disfluencies ?? false, filterProfanity ?? false, customSpelling ?? []);
}

/// <summary>AssemblyAI's TranscriptCustomSpelling: any phrase in <paramref name="From"/> is written as <paramref name="To"/>.</summary>
/// <param name="From">Words or phrases, matched case-insensitively against whole formatted words.</param>
/// <param name="To">The replacement, written exactly as given.</param>
public sealed record CustomSpelling(IReadOnlyList<string> From, string To);
