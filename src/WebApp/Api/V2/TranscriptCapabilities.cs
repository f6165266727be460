using WebApp.Transcription.Redaction;

namespace WebApp.Api.V2;

/// <summary>One transcript option (a TranscriptParams field) and whether this server's engine honours it.</summary>
/// <param name="Name">The API's field name, as named in the refusal ("speaker_labels is not supported yet…").</param>
/// <param name="Label">What the browser's form calls it.</param>
/// <param name="IsRequested">Whether a request asks for the feature.</param>
public sealed record TranscriptFeature(string Name, string Label, bool Supported, Func<TranscriptParams, bool> IsRequested);

/// <summary>
/// What this server can do with a transcript request: the one list that both the request validator
/// (<see cref="TranscriptRequestReader"/>) and the browser's upload form read. Enabling a feature is flipping its
/// <c>Supported</c> here; the API stops refusing it and the form starts offering it.
/// </summary>
public static class TranscriptCapabilities
{
    /// <summary>What the local English engine can transcribe.</summary>
    public static readonly IReadOnlyList<string> LanguageCodes = ["en", "en_us", "en_au", "en_uk"];

    public static readonly TranscriptFeature SpeakerLabels = new("speaker_labels", "Speaker labels", true, p => p.SpeakerLabels == true);

    public static readonly TranscriptFeature SpeakersExpected = new("speakers_expected", "Expected speakers", true, p => p.SpeakersExpected is not null);

    public static readonly TranscriptFeature Multichannel = new("multichannel", "Multichannel", true, p => p.Multichannel == true);

    public static readonly TranscriptFeature LanguageDetection = new("language_detection", "Detect the language (English or not)", true, p => p.LanguageDetection == true);

    public static readonly TranscriptFeature RedactPii = new("redact_pii", "Redact personal information", true, p => p.RedactPii == true);

    public static readonly TranscriptFeature RedactPiiAudio = new("redact_pii_audio", "Beep it out of the audio too", true, p => p.RedactPiiAudio == true);

    public static readonly TranscriptFeature Keyterms = new("keyterms_prompt", "Key terms", true, p => p.KeytermsPrompt is { Count: > 0 });

    public static readonly TranscriptFeature FilterProfanity = new("filter_profanity", "Filter profanity", true, p => p.FilterProfanity == true);

    public static readonly TranscriptFeature Disfluencies = new("disfluencies", "Keep filler words (um, uh)", true, p => p.Disfluencies == true);

    /// <summary>Every optional feature, in the order the API reports the first unsupported one.</summary>
    public static readonly IReadOnlyList<TranscriptFeature> Features =
    [
        SpeakerLabels,
        SpeakersExpected,
        Multichannel,
        LanguageDetection,
        Disfluencies,
        FilterProfanity,
        new("audio_start_from", "Start at", true, p => p.AudioStartFrom is not null),
        new("audio_end_at", "End at", true, p => p.AudioEndAt is not null),
        Keyterms,
        new("custom_spelling", "Custom spelling", true, p => p.CustomSpelling is { Count: > 0 }),
        RedactPii,
        RedactPiiAudio,
        new("auto_highlights", "Key phrases", false, p => p.AutoHighlights == true),
        new("auto_chapters", "Chapters", false, p => p.AutoChapters == true),
        new("content_safety", "Content moderation", false, p => p.ContentSafety == true),
        new("iab_categories", "Topic detection", false, p => p.IabCategories == true),
        new("sentiment_analysis", "Sentiment analysis", false, p => p.SentimentAnalysis == true),
        new("entity_detection", "Entity detection", false, p => p.EntityDetection == true),
        new("summarization", "Summarization", false, p => p.Summarization == true),
    ];

    /// <summary>The PII policies the form offers once <see cref="RedactPii"/> is supported: the ones the redactor finds.</summary>
    public static IReadOnlyList<string> PiiPolicies { get; } = PiiPolicy.Supported.Order(StringComparer.Ordinal).ToList();

    /// <summary>The API name of the first feature the request asks for that this server cannot honour yet, or null.</summary>
    public static string? FirstUnsupportedFeature(TranscriptParams request) =>
        Features.FirstOrDefault(f => !f.Supported && f.IsRequested(request))?.Name;
}
