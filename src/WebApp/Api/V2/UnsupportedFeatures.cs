namespace WebApp.Api.V2;

/// <summary>
/// AssemblyAI's audio-intelligence options this server does not have. Each is refused with a 400 naming it, never
/// accepted and ignored.
/// </summary>
public static class UnsupportedFeatures
{
    private static readonly IReadOnlyList<(string Name, Func<TranscriptParams, bool> IsRequested)> Features =
    [
        ("auto_highlights", p => p.AutoHighlights == true),
        ("auto_chapters", p => p.AutoChapters == true),
        ("content_safety", p => p.ContentSafety == true),
        ("iab_categories", p => p.IabCategories == true),
        ("sentiment_analysis", p => p.SentimentAnalysis == true),
        ("entity_detection", p => p.EntityDetection == true),
        ("summarization", p => p.Summarization == true),
    ];

    /// <summary>The API name of the first such option the request asks for, or null.</summary>
    public static string? FirstRequested(TranscriptParams request) => Features.FirstOrDefault(f => f.IsRequested(request)).Name;
}
