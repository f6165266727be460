using WebApp.Transcription.Redaction;

namespace WebApp.Transcription.Model;

/// <summary>One optional feature of a transcript, as the browser's form shows it.</summary>
/// <param name="Name">The API's field name ("speaker_labels"), used in the page's test ids.</param>
/// <param name="Label">What the form calls it.</param>
/// <param name="Supported">Whether this server can do it; the form disables and explains a switch that is off.</param>
public sealed record TranscriptFeature(string Name, string Label, bool Supported = true);

/// <summary>The optional features the pipeline does, for the browser's form.</summary>
public static class TranscriptFeatures
{
    public static readonly TranscriptFeature SpeakerLabels = new("speaker_labels", "Speaker labels");

    public static readonly TranscriptFeature SpeakersExpected = new("speakers_expected", "Expected speakers");

    public static readonly TranscriptFeature Multichannel = new("multichannel", "Multichannel");

    public static readonly TranscriptFeature LanguageDetection = new("language_detection", "Detect the language");

    public static readonly TranscriptFeature RedactPii = new("redact_pii", "Redact personal information");

    public static readonly TranscriptFeature RedactPiiAudio = new("redact_pii_audio", "Beep it out of the audio too");

    public static readonly TranscriptFeature Keyterms = new("keyterms_prompt", "Key terms");

    public static readonly TranscriptFeature FilterProfanity = new("filter_profanity", "Filter profanity");

    public static readonly TranscriptFeature EntityDetection = new("entity_detection", "Find names, places and other entities");

    public static readonly TranscriptFeature AutoHighlights = new("auto_highlights", "Key phrases");

    public static readonly TranscriptFeature SentimentAnalysis = new("sentiment_analysis", "Sentiment of each sentence");

    /// <summary>The PII policies the form offers: the ones the redactor finds.</summary>
    public static IReadOnlyList<string> PiiPolicies { get; } = PiiPolicy.Supported.Order(StringComparer.Ordinal).ToList();
}
