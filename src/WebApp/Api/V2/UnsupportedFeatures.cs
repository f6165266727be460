namespace WebApp.Api.V2;

/// <summary>
/// AssemblyAI options this server does not have. Each is refused with a 400 naming it, never accepted and ignored.
/// </summary>
public static class UnsupportedFeatures
{
    private const string NoLocalModel = "is not supported yet by this server's local speech engine.";

    private const string UniversalThreePro = "is not supported: it is a feature of AssemblyAI's Universal-3 Pro model, and this server's local engines have no equivalent.";

    private static readonly IReadOnlyList<(string Name, Func<TranscriptParams, bool> IsRequested, string Reason)> Features =
    [
        ("auto_chapters", p => p.AutoChapters == true, NoLocalModel),
        ("content_safety", p => p.ContentSafety == true, NoLocalModel),
        ("iab_categories", p => p.IabCategories == true, NoLocalModel),
        ("summarization", p => p.Summarization == true, NoLocalModel),
        ("prompt", p => p.Prompt is not null, UniversalThreePro + " Use keyterms_prompt for words the audio contains."),
        ("temperature", p => p.Temperature is not null, UniversalThreePro),
        ("remove_audio_tags", p => p.RemoveAudioTags is not null, UniversalThreePro),
        ("language_codes", p => p.LanguageCodes is not null,
            "is not supported: this server does not transcribe code-switched audio. Use language_code, or language_detection to find the one language."),
        ("domain", p => p.Domain is not null, "is not supported: this server has no specialised recognition domains."),
        ("speech_understanding", p => p.SpeechUnderstanding is not null,
            "is not supported: translation, speaker identification and custom formatting need a language model this server does not have."),
    ];

    /// <summary>Why the request cannot be served ("prompt is not supported: …"), for the first such option it asks for; or null.</summary>
    public static string? FirstRequested(TranscriptParams request) =>
        Features.FirstOrDefault(f => f.IsRequested(request)) is { Name: { } name } feature ? $"{name} {feature.Reason}" : null;
}
