namespace WebApp.Api.V2;

/// <summary>
/// AssemblyAI options the local engines do not have. Each is refused with a 400 naming it, never accepted and
/// ignored; the ones a remote region serves pass on to it when the request is for one.
/// </summary>
public static class UnsupportedFeatures
{
    private const string NoLocalModel = "is not supported yet by this server's local speech engine. A remote region (an AssemblyAI base URL such as /eu/v2) can serve it.";

    private const string UniversalThreePro = "is not supported: it is a feature of AssemblyAI's Universal-3 Pro model, and this server's local engines have no equivalent.";

    private const string NotPassedOn = "is not passed on to remote regions by this server yet.";

    private static readonly IReadOnlyList<(string Name, Func<TranscriptParams, bool> IsRequested, string Reason, bool ServedRemotely)> Features =
    [
        ("auto_chapters", p => p.AutoChapters == true, NoLocalModel, true),
        ("content_safety", p => p.ContentSafety == true, NoLocalModel, true),
        ("iab_categories", p => p.IabCategories == true, NoLocalModel, true),
        ("summarization", p => p.Summarization == true, NoLocalModel, true),
        ("remove_audio_tags", p => p.RemoveAudioTags is not null, UniversalThreePro, false),
        ("language_codes", p => p.LanguageCodes is not null,
            "is not supported: this server does not transcribe code-switched audio. Use language_code, or language_detection to find the one language.", false),
        ("domain", p => p.Domain is not null, "is not supported: this server has no specialised recognition domains.", false),
        ("speech_understanding", p => p.SpeechUnderstanding is not null,
            "is not supported: translation, speaker identification and custom formatting need a language model this server does not have.", false),
    ];

    /// <summary>Why the request cannot be served ("prompt is not supported: …"), for the first such option it asks for; or null.</summary>
    /// <param name="remote">The request is for a remote region, which serves what AssemblyAI's hosted models do.</param>
    public static string? FirstRequested(TranscriptParams request, bool remote) =>
        Features.FirstOrDefault(f => f.IsRequested(request) && !(remote && f.ServedRemotely)) is { Name: { } name } feature
            ? $"{name} {(remote ? NotPassedOn : feature.Reason)}"
            : null;
}
