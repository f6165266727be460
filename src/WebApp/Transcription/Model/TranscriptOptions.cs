using System.Text.Json.Serialization;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Diarization;
using WebApp.Transcription.Formatting;
using WebApp.Transcription.Redaction;

namespace WebApp.Transcription.Model;

/// <summary>
/// What a transcript job asks for, in the pipeline's own terms. The API translates AssemblyAI's request into this, the
/// browser's form builds it directly, and it is stored in a versioned format of our own (<see cref="StoredOptions"/>).
/// </summary>
public sealed record TranscriptOptions
{
    /// <summary>
    /// Where the audio is: one of the team's upload URLs, or an http(s) URL the job downloads. Stored in the
    /// transcript's own column, not with the options.
    /// </summary>
    [JsonIgnore]
    public string AudioUrl { get; init; } = "";

    /// <summary>speech_models, in priority order; empty for the server's default.</summary>
    public IReadOnlyList<string> SpeechModels { get; init; } = [];

    /// <summary>The client named its model with AssemblyAI's older single speech_model field (echoed back the same way).</summary>
    public bool SingleSpeechModel { get; init; }

    public LanguageOptions Language { get; init; } = LanguageOptions.Default;

    public FormattingOptions Formatting { get; init; } = FormattingOptions.AssemblyAiDefaults;

    public SpeakerOptions Speakers { get; init; } = SpeakerOptions.Off;

    /// <summary>Each channel recognised on its own.</summary>
    public bool Multichannel { get; init; }

    /// <summary>audio_start_from, in milliseconds; null when not given.</summary>
    public int? AudioStartFrom { get; init; }

    /// <summary>audio_end_at, in milliseconds; null when not given.</summary>
    public int? AudioEndAt { get; init; }

    public IReadOnlyList<string> Keyterms { get; init; } = [];

    /// <summary>PII redaction; null when not asked for.</summary>
    public RedactionOptions? Redaction { get; init; }

    /// <summary>entity_detection, auto_highlights, sentiment_analysis: the audio-intelligence steps asked for.</summary>
    public InsightOptions Insights { get; init; } = InsightOptions.None;

    /// <summary>Steps only a remote region's upstream does (summaries, chapters, …); refused for the local region.</summary>
    public HostedFeatures Hosted { get; init; } = HostedFeatures.None;

    /// <summary>The least share of speech the audio must hold, 0–1; null when not given.</summary>
    public double? SpeechThreshold { get; init; }

    /// <summary>Where to say the transcript has finished; null for no webhook.</summary>
    public WebhookTarget? Webhook { get; init; }

    [JsonIgnore]
    public AudioWindow Window => new(AudioStartFrom ?? 0, AudioEndAt);
}

/// <param name="Code">language_code as given ("en_us"), or null.</param>
/// <param name="Detect">language_detection: identify the language before transcribing.</param>
/// <param name="ConfidenceThreshold">Below this detection confidence the job ends in error.</param>
/// <param name="Candidates">language_detection_options, when given.</param>
public sealed record LanguageOptions(string? Code = null, bool Detect = false, double? ConfidenceThreshold = null, LanguageCandidates? Candidates = null)
{
    public static LanguageOptions Default { get; } = new();

    /// <summary>
    /// The language to transcribe in when it is settled before listening: language_code, the only expected language,
    /// or (without detection) AssemblyAI's default, English. Null when detection is to decide.
    /// </summary>
    [JsonIgnore]
    public string? Settled => BaseCode
        ?? (!Detect ? "en"
            : Candidates?.Expected?.Where(code => code != "all").Select(LanguageCodes.Base).Distinct().ToList() is [var only] ? only : null);

    /// <summary>The base code of <see cref="Code"/> ("en_us" → "en"), or null.</summary>
    [JsonIgnore]
    public string? BaseCode => Code is null ? null : LanguageCodes.Base(Code);
}

/// <summary>language_detection_options: which languages detection may choose from, and what to fall back to.</summary>
public sealed record LanguageCandidates(
    IReadOnlyList<string>? Expected = null, string? Fallback = null, bool? CodeSwitching = null, double? CodeSwitchingConfidenceThreshold = null);

/// <param name="Label">speaker_labels: label each word with its speaker.</param>
/// <param name="Expected">speakers_expected.</param>
/// <param name="Min">speaker_options.min_speakers_expected.</param>
/// <param name="Max">speaker_options.max_speakers_expected.</param>
public sealed record SpeakerOptions(bool Label = false, int? Expected = null, int? Min = null, int? Max = null)
{
    public static SpeakerOptions Off { get; } = new();

    [JsonIgnore]
    public SpeakerCountHint Hint => new(Expected, Min, Max);
}

/// <param name="Policies">redact_pii_policies, as AssemblyAI names them.</param>
/// <param name="Substitution">redact_pii_sub; null when not given (hash, AssemblyAI's default).</param>
/// <param name="Audio">redact_pii_audio; null when only the text is redacted.</param>
public sealed record RedactionOptions(IReadOnlyList<string> Policies, PiiSubstitution? Substitution = null, RedactedAudioOptions? Audio = null);

/// <param name="Format">redact_pii_audio_quality; null when not given (mp3).</param>
/// <param name="Silence">override_audio_redaction_method "silence" rather than a beep.</param>
/// <param name="ReturnRedactedNoSpeechAudio">redact_pii_audio_options.return_redacted_no_speech_audio, as given.</param>
public sealed record RedactedAudioOptions(string? Format = null, bool Silence = false, bool? ReturnRedactedNoSpeechAudio = null)
{
    [JsonIgnore]
    public RedactedAudioFormat FileFormat => RedactedAudioFormat.FromQuality(Format) ?? RedactedAudioFormat.Mp3;
}

/// <param name="EntityDetection">entity_detection.</param>
/// <param name="AutoHighlights">auto_highlights.</param>
/// <param name="SentimentAnalysis">sentiment_analysis.</param>
public sealed record InsightOptions(bool EntityDetection = false, bool AutoHighlights = false, bool SentimentAnalysis = false)
{
    public static InsightOptions None { get; } = new();

    [JsonIgnore]
    public bool Any => EntityDetection || AutoHighlights || SentimentAnalysis;
}

/// <summary>
/// AssemblyAI's hosted models and Universal-3 Pro's settings. A remote region is passed them as given, and what it
/// finds comes back with the transcript (<see cref="Insights.HostedInsights"/>). Locally, the hosted models are refused;
/// <see cref="Prompt"/> and <see cref="Temperature"/> go to an engine whose capabilities take them (whisper).
/// </summary>
public sealed record HostedFeatures(
    bool Summarization = false,
    string? SummaryModel = null,
    string? SummaryType = null,
    bool AutoChapters = false,
    bool ContentSafety = false,
    int? ContentSafetyConfidence = null,
    bool IabCategories = false,
    string? Prompt = null,
    double? Temperature = null)
{
    public static HostedFeatures None { get; } = new();

    /// <summary>The API name of the first hosted model asked for (no local engine has one), or null.</summary>
    [JsonIgnore]
    public string? FirstModelRequested =>
        Summarization ? "summarization" : AutoChapters ? "auto_chapters" : ContentSafety ? "content_safety" : IabCategories ? "iab_categories" : null;
}

/// <param name="Url">webhook_url.</param>
/// <param name="AuthHeaderName">webhook_auth_header_name, sent with <paramref name="AuthHeaderValue"/>.</param>
/// <param name="LinkBase">
/// The address the request came to ("https://host"): the redacted-audio webhook's link starts with it when no public URL
/// is configured, since the job that sends it has no request to take one from.
/// </param>
public sealed record WebhookTarget(string Url, string? AuthHeaderName = null, string? AuthHeaderValue = null, string? LinkBase = null);
