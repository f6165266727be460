using WebApp.Api.V2;
using WebApp.Transcription.Redaction;

namespace WebApp.Components.Pages.Transcripts.Upload;

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

    public IReadOnlyCollection<string> PiiPolicies { get; set; } = DefaultPiiPolicies.Where(TranscriptCapabilities.PiiPolicies.Contains).ToArray();

    public bool FilterProfanity { get; set; }

    public string? SpeakersExpectedError =>
        SpeakerLabels && SpeakersExpected is < 1 or > MaxSpeakersExpected ? $"Between 1 and {MaxSpeakersExpected}, or leave it empty." : null;

    public string? PiiPoliciesError => RedactPii && PiiPolicies.Count == 0 ? "Choose at least one kind of information to redact." : null;

    public bool IsValid => SpeakersExpectedError is null && PiiPoliciesError is null;

    public TranscriptParams ToParams(string audioUrl)
    {
        var speakerLabels = On(TranscriptCapabilities.SpeakerLabels, SpeakerLabels);
        var redactPii = On(TranscriptCapabilities.RedactPii, RedactPii);
        var detectLanguage = On(TranscriptCapabilities.LanguageDetection, LanguageDetection);
        return new TranscriptParams
        {
            AudioUrl = audioUrl,
            SpeechModels = SpeechModel is null ? null : [SpeechModel],
            LanguageCode = detectLanguage ? null : LanguageCode,
            LanguageDetection = detectLanguage ? true : null,
            SpeakerLabels = speakerLabels ? true : null,
            SpeakersExpected = speakerLabels && TranscriptCapabilities.SpeakersExpected.Supported ? SpeakersExpected : null,
            Multichannel = On(TranscriptCapabilities.Multichannel, Multichannel) ? true : null,
            RedactPii = redactPii ? true : null,
            RedactPiiPolicies = redactPii ? [.. PiiPolicies] : null,
            FilterProfanity = On(TranscriptCapabilities.FilterProfanity, FilterProfanity) ? true : null,
        };
    }

    private static bool On(TranscriptFeature feature, bool requested) => requested && feature.Supported;
}
