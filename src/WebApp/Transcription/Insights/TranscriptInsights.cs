namespace WebApp.Transcription.Insights;

/// <summary>
/// What the audio-intelligence steps found in a finished transcript, in the pipeline's terms; each list is null when
/// its step was not asked for. Stored as <see cref="Model.StoredInsights"/>.
/// </summary>
public sealed record TranscriptInsights(
    IReadOnlyList<DetectedEntity>? Entities = null,
    IReadOnlyList<KeyPhrase>? Highlights = null,
    IReadOnlyList<SentenceSentiment>? Sentiments = null)
{
    /// <summary>What a remote region's hosted models found; null for local transcripts.</summary>
    public HostedInsights? Hosted { get; init; }
}

/// <summary>One entity entity_detection found.</summary>
/// <param name="Type">AssemblyAI's EntityType name, e.g. "location" (the PII policies share these names).</param>
/// <param name="Text">The words as the transcript holds them: redacted when redact_pii replaced them.</param>
public sealed record DetectedEntity(string Type, string Text, int Start, int End);

/// <summary>One sentence's sentiment, for sentiment_analysis.</summary>
public sealed record SentenceSentiment(string Text, int Start, int End, Sentiment Sentiment, double Confidence, string? Speaker, string? Channel);
