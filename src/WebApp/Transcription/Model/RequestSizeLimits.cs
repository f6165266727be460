namespace WebApp.Transcription.Model;

/// <summary>
/// How much one transcript request may carry: every list bounded, every string bounded by the column or the use it
/// reaches, no control characters where they could end up in a header, a file or PostgreSQL (which refuses NUL).
/// A request over a limit is a 400 naming the field, never a 500 from the database.
/// </summary>
public static class RequestSizeLimits
{
    /// <summary>The Transcripts.AudioUrl column's length.</summary>
    public const int MaxUrlLength = 4000;

    public const int MaxSpeechModels = 20;
    public const int MaxNameLength = 100;

    /// <summary>AssemblyAI's limits for keyterms_prompt (Universal-3 Pro's count; Universal-2 takes 200).</summary>
    public const int MaxKeyterms = 1000;
    public const int MaxWordsPerKeyterm = 6;
    public const int MaxKeytermLength = 100;

    public const int MaxCustomSpellings = 1000;
    public const int MaxSpellingFroms = 100;
    public const int MaxSpellingLength = 100;

    /// <summary>AssemblyAI's limit for prompt.</summary>
    public const int MaxPromptWords = 1500;

    public const int MaxPolicies = 100;
    public const int MaxExpectedLanguages = 100;

    /// <summary>The separators the recognizer splits key terms at ("Byrne-Donoghue" is two words to it).</summary>
    public static readonly char[] KeytermWordSeparators = [' ', '-', '\t', '\n', '\r', '/'];

    /// <returns>What is wrong, in words for the caller, or null.</returns>
    public static string? Check(TranscriptOptions options) =>
        Url("audio_url", options.AudioUrl)
        ?? (options.Webhook is { } webhook ? Url("webhook_url", webhook.Url) : null)
        ?? List("speech_models", options.SpeechModels, MaxSpeechModels, MaxNameLength)
        ?? Keyterms(options.Keyterms)
        ?? (PromptWordCount(options.Hosted.Prompt) > MaxPromptWords ? $"prompt must be at most {MaxPromptWords:N0} words." : null)
        ?? Spellings(options.Formatting.CustomSpelling)
        ?? List("redact_pii_policies", options.Redaction?.Policies ?? [], MaxPolicies, MaxNameLength)
        ?? List("language_detection_options.expected_languages", options.Language.Candidates?.Expected ?? [], MaxExpectedLanguages, MaxNameLength)
        ?? Text("language_code", options.Language.Code, MaxNameLength)
        ?? Text("language_detection_options.fallback_language", options.Language.Candidates?.Fallback, MaxNameLength);

    /// <summary>A key term's words as the engine counts them.</summary>
    public static int KeytermWordCount(string term) => term.Split(KeytermWordSeparators, StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>A prompt's words, split at white space.</summary>
    public static int PromptWordCount(string? prompt) => prompt?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length ?? 0;

    public static bool HasControlCharacters(string text) => text.Any(char.IsControl);

    private static string? Url(string field, string url) =>
        url.Length > MaxUrlLength ? $"{field} is too long: at most {MaxUrlLength} characters."
        : HasControlCharacters(url) ? $"{field} must not contain control characters."
        : null;

    private static string? Text(string field, string? value, int maxLength) =>
        value is null ? null
        : value.Length > maxLength ? $"{field} is too long: at most {maxLength} characters."
        : HasControlCharacters(value) ? $"{field} must not contain control characters."
        : null;

    private static string? List(string field, IReadOnlyList<string> items, int maxCount, int maxLength)
    {
        if (items.Count > maxCount)
        {
            return $"{field} can have at most {maxCount} entries; it has {items.Count}.";
        }

        return items.Select(item => Text($"Each {field} entry", item, maxLength)).FirstOrDefault(error => error is not null);
    }

    private static string? Keyterms(IReadOnlyList<string> keyterms)
    {
        if (keyterms.Count > MaxKeyterms)
        {
            return $"keyterms_prompt can have at most {MaxKeyterms} terms; it has {keyterms.Count}.";
        }

        if (keyterms.FirstOrDefault(term => term.Length > MaxKeytermLength || HasControlCharacters(term)) is { } bad)
        {
            return $"Each keyterms_prompt term can have at most {MaxKeytermLength} characters and no control characters: \"{Shorten(bad)}\" does not fit.";
        }

        return keyterms.FirstOrDefault(term => KeytermWordCount(term) > MaxWordsPerKeyterm) is { } tooLong
            ? $"Each keyterms_prompt term can have at most {MaxWordsPerKeyterm} words (hyphens and slashes separate words): \"{Shorten(tooLong)}\" has more."
            : null;
    }

    private static string? Spellings(IReadOnlyList<Formatting.CustomSpelling> spellings)
    {
        if (spellings.Count > MaxCustomSpellings)
        {
            return $"custom_spelling can have at most {MaxCustomSpellings} entries; it has {spellings.Count}.";
        }

        return spellings.Any(s => s.From.Count > MaxSpellingFroms || s.From.Append(s.To).Any(w => w.Length > MaxSpellingLength || HasControlCharacters(w)))
            ? $"Each custom_spelling entry can have at most {MaxSpellingFroms} \"from\" words, each word and \"to\" at most {MaxSpellingLength} characters with no control characters."
            : null;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
