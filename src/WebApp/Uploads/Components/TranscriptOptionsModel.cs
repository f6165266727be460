using WebApp.Transcription.Formatting;
using WebApp.Transcription.Model;
using WebApp.Transcription.Redaction;

namespace WebApp.Uploads.Components;

/// <summary>
/// The new-transcript form's options, turned into the API's TranscriptParams. Features the server does not support
/// yet (<see cref="TranscriptCapabilities"/>) are never sent, whatever the switches say.
/// </summary>
public sealed class TranscriptOptionsModel
{
    public const int MaxSpeakersExpected = 10;

    /// <summary>What most people want hidden when redaction is on; they can change it.</summary>
    private static readonly string[] DefaultPiiPolicies =
    [
        PiiPolicy.PersonName, PiiPolicy.PhoneNumber, PiiPolicy.EmailAddress, PiiPolicy.CreditCardNumber, PiiPolicy.UsSocialSecurityNumber,
    ];

    /// <summary>Null: the server's default model.</summary>
    public string? SpeechModel { get; set; }

    public string LanguageCode { get; set; } = "en_us";

    public bool LanguageDetection { get; set; }

    public bool SpeakerLabels { get; set; }

    /// <summary>Null: let the engine decide.</summary>
    public int? SpeakersExpected { get; set; }

    public bool Multichannel { get; set; }

    public bool RedactPii { get; set; }

    public IReadOnlyCollection<string> PiiPolicies { get; set; } = DefaultPiiPolicies.Where(TranscriptFeatures.PiiPolicies.Contains).ToArray();

    public bool RedactPiiAudio { get; set; }

    public bool FilterProfanity { get; set; }

    public bool EntityDetection { get; set; }

    public bool AutoHighlights { get; set; }

    public bool SentimentAnalysis { get; set; }

    /// <summary>keyterms_prompt as typed: terms separated by commas or new lines.</summary>
    public string? Keyterms { get; set; }

    /// <summary>prompt: context a whisper model reads as the text before the recording; blank for none.</summary>
    public string? Prompt { get; set; }

    public string? PromptError =>
        RequestSizeLimits.PromptWordCount(Prompt) > RequestSizeLimits.MaxPromptWords
            ? $"At most {RequestSizeLimits.MaxPromptWords:N0} words."
            : null;

    public IReadOnlyList<string> KeytermList =>
        (Keyterms ?? "").Split([',', '\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string? KeytermsError =>
        KeytermList.Count > RequestSizeLimits.MaxKeyterms ? $"At most {RequestSizeLimits.MaxKeyterms} terms."
        : KeytermList.FirstOrDefault(t => RequestSizeLimits.KeytermWordCount(t) > RequestSizeLimits.MaxWordsPerKeyterm) is { } tooLong
            ? $"“{tooLong}” is too long: at most {RequestSizeLimits.MaxWordsPerKeyterm} words a term."
            : null;

    public string? SpeakersExpectedError =>
        SpeakerLabels && SpeakersExpected is < 1 or > MaxSpeakersExpected ? $"Between 1 and {MaxSpeakersExpected}, or leave it empty." : null;

    public string? PiiPoliciesError => RedactPii && PiiPolicies.Count == 0 ? "Choose at least one kind of information to redact." : null;

    public bool IsValid => SpeakersExpectedError is null && PiiPoliciesError is null && KeytermsError is null && PromptError is null;

    public TranscriptOptions ToOptions(string audioUrl)
    {
        var speakerLabels = On(TranscriptFeatures.SpeakerLabels, SpeakerLabels);
        var redactPii = On(TranscriptFeatures.RedactPii, RedactPii);
        var detectLanguage = On(TranscriptFeatures.LanguageDetection, LanguageDetection);
        return new TranscriptOptions
        {
            AudioUrl = audioUrl,
            SpeechModels = SpeechModel is null ? [] : [SpeechModel],
            Language = new LanguageOptions(Code: detectLanguage ? null : LanguageCode, Detect: detectLanguage),
            Speakers = new SpeakerOptions(speakerLabels, speakerLabels && TranscriptFeatures.SpeakersExpected.Supported ? SpeakersExpected : null),
            Multichannel = On(TranscriptFeatures.Multichannel, Multichannel),
            Redaction = redactPii
                ? new RedactionOptions([.. PiiPolicies], Audio: On(TranscriptFeatures.RedactPiiAudio, RedactPiiAudio) ? new RedactedAudioOptions() : null)
                : null,
            Keyterms = TranscriptFeatures.Keyterms.Supported ? KeytermList : [],
            Hosted = string.IsNullOrWhiteSpace(Prompt) ? HostedFeatures.None : new HostedFeatures(Prompt: Prompt.Trim()),
            Insights = new InsightOptions(
                On(TranscriptFeatures.EntityDetection, EntityDetection), On(TranscriptFeatures.AutoHighlights, AutoHighlights), On(TranscriptFeatures.SentimentAnalysis, SentimentAnalysis)),
            Formatting = FormattingOptions.AssemblyAiDefaults with { FilterProfanity = On(TranscriptFeatures.FilterProfanity, FilterProfanity) },
        };
    }

    private static bool On(TranscriptFeature feature, bool requested) => requested && feature.Supported;
}
