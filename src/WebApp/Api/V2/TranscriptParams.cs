using System.Text.Json;
using System.Text.Json.Nodes;

namespace WebApp.Api.V2;

/// <summary>
/// The body of POST /v2/transcript (AssemblyAI's TranscriptParams). Unknown fields are ignored, as AssemblyAI does;
/// every field given is stored and echoed back on the transcript.
/// </summary>
public sealed class TranscriptParams
{
    public string? AudioUrl { get; set; }

    public List<string>? SpeechModels { get; set; }

    /// <summary>Deprecated single-model form of <see cref="SpeechModels"/>.</summary>
    public string? SpeechModel { get; set; }

    public string? LanguageCode { get; set; }

    public bool? LanguageDetection { get; set; }

    public double? LanguageConfidenceThreshold { get; set; }

    public LanguageDetectionOptions? LanguageDetectionOptions { get; set; }

    public bool? Punctuate { get; set; }

    public bool? FormatText { get; set; }

    public bool? Disfluencies { get; set; }

    public bool? FilterProfanity { get; set; }

    public bool? SpeakerLabels { get; set; }

    public int? SpeakersExpected { get; set; }

    public SpeakerOptions? SpeakerOptions { get; set; }

    public bool? Multichannel { get; set; }

    public int? AudioStartFrom { get; set; }

    public int? AudioEndAt { get; set; }

    public List<string>? KeytermsPrompt { get; set; }

    /// <summary>AssemblyAI's older form of key terms, still sent by its SDKs: read as more keyterms_prompt terms.</summary>
    public List<string>? WordBoost { get; set; }

    /// <summary>The strength of <see cref="WordBoost"/>: "low", "default" or "high".</summary>
    public string? BoostParam { get; set; }

    public JsonArray? CustomSpelling { get; set; }

    public bool? RedactPii { get; set; }

    public bool? RedactPiiAudio { get; set; }

    /// <summary>"mp3" (the default) or "wav": the file type of the redacted audio.</summary>
    public string? RedactPiiAudioQuality { get; set; }

    public RedactPiiAudioOptions? RedactPiiAudioOptions { get; set; }

    public List<string>? RedactPiiPolicies { get; set; }

    public string? RedactPiiSub { get; set; }

    public double? SpeechThreshold { get; set; }

    public string? WebhookUrl { get; set; }

    public string? WebhookAuthHeaderName { get; set; }

    public string? WebhookAuthHeaderValue { get; set; }

    public bool? AutoHighlights { get; set; }

    public bool? AutoChapters { get; set; }

    public bool? ContentSafety { get; set; }

    public bool? IabCategories { get; set; }

    public bool? SentimentAnalysis { get; set; }

    public bool? EntityDetection { get; set; }

    public bool? Summarization { get; set; }

    /// <summary>"informative", "conversational" or "catchy"; with summarization, passed to a remote region.</summary>
    public string? SummaryModel { get; set; }

    /// <summary>"bullets", "gist", "headline", "paragraph", …; with summarization, passed to a remote region.</summary>
    public string? SummaryType { get; set; }

    /// <summary>25–100: the least confidence of a content_safety label; passed to a remote region.</summary>
    public int? ContentSafetyConfidence { get; set; }

    /// <summary>Universal-3 Pro's natural-language prompt; refused locally, passed to a remote region (<see cref="UnsupportedFeatures"/>).</summary>
    public string? Prompt { get; set; }

    /// <summary>Universal-3 Pro's sampling temperature; refused locally, passed to a remote region.</summary>
    public double? Temperature { get; set; }

    /// <summary>Universal-3 Pro's audio event tags ("all"); refused.</summary>
    public string? RemoveAudioTags { get; set; }

    /// <summary>Code switching between the listed languages; refused.</summary>
    public List<string>? LanguageCodes { get; set; }

    /// <summary>A specialised recognition mode (e.g. medical); refused.</summary>
    public string? Domain { get; set; }

    /// <summary>Translation, speaker identification or custom formatting by LLM; refused.</summary>
    public JsonObject? SpeechUnderstanding { get; set; }

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = false,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
    };
}

/// <summary>AssemblyAI's language_detection_options: which languages detection may choose from, and what to fall back to.</summary>
public sealed class LanguageDetectionOptions
{
    public List<string>? ExpectedLanguages { get; set; }

    public string? FallbackLanguage { get; set; }

    public bool? CodeSwitching { get; set; }

    public double? CodeSwitchingConfidenceThreshold { get; set; }
}

/// <summary>AssemblyAI's speaker_options: bounds on the speaker count when it is not known exactly.</summary>
public sealed class SpeakerOptions
{
    public int? MinSpeakersExpected { get; set; }

    public int? MaxSpeakersExpected { get; set; }
}

/// <summary>AssemblyAI's redact_pii_audio_options.</summary>
public sealed class RedactPiiAudioOptions
{
    /// <summary>Accepted for compatibility: this server makes the redacted file whether or not speech was found.</summary>
    public bool? ReturnRedactedNoSpeechAudio { get; set; }

    /// <summary>"silence" replaces PII with silence instead of the beep.</summary>
    public string? OverrideAudioRedactionMethod { get; set; }
}
