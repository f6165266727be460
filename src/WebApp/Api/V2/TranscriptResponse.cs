using System.Text.Json.Nodes;
using WebApp.Data.Entities;

namespace WebApp.Api.V2;

/// <summary>
/// AssemblyAI's Transcript object. Properties are written in snake_case (see <see cref="V2Json"/>), nulls included,
/// because AssemblyAI's clients expect every field to be present.
/// </summary>
public sealed class TranscriptResponse
{
    public required string Id { get; init; }

    public required string Status { get; init; }

    public required string AudioUrl { get; init; }

    public string? Text { get; init; }

    public IReadOnlyList<TranscriptWord>? Words { get; init; }

    public IReadOnlyList<TranscriptUtterance>? Utterances { get; init; }

    public double? Confidence { get; init; }

    public int? AudioDuration { get; init; }

    public string? LanguageCode { get; init; }

    public bool? LanguageDetection { get; init; }

    public double? LanguageConfidence { get; init; }

    public double? LanguageConfidenceThreshold { get; init; }

    public LanguageDetectionOptions? LanguageDetectionOptions { get; init; }

    public string? SpeechModel { get; init; }

    public IReadOnlyList<string>? SpeechModels { get; init; }

    public string? SpeechModelUsed { get; init; }

    public string LanguageModel { get; init; } = "assemblyai_default";

    public string AcousticModel { get; init; } = "assemblyai_default";

    public bool? Punctuate { get; init; }

    public bool? FormatText { get; init; }

    public bool? Disfluencies { get; init; }

    public bool? FilterProfanity { get; init; }

    public bool? Multichannel { get; init; }

    public int? AudioChannels { get; init; }

    public bool? SpeakerLabels { get; init; }

    public int? SpeakersExpected { get; init; }

    public SpeakerOptions? SpeakerOptions { get; init; }

    public int? AudioStartFrom { get; init; }

    public int? AudioEndAt { get; init; }

    public IReadOnlyList<string>? KeytermsPrompt { get; init; }

    public JsonArray? CustomSpelling { get; init; }

    public bool RedactPii { get; init; }

    public bool? RedactPiiAudio { get; init; }

    public string? RedactPiiAudioQuality { get; init; }

    public RedactPiiAudioOptions? RedactPiiAudioOptions { get; init; }

    public IReadOnlyList<string>? RedactPiiPolicies { get; init; }

    public string? RedactPiiSub { get; init; }

    public double? SpeechThreshold { get; init; }

    public string? WebhookUrl { get; init; }

    public int? WebhookStatusCode { get; init; }

    public bool WebhookAuth { get; init; }

    public string? WebhookAuthHeaderName { get; init; }

    public bool AutoHighlights { get; init; }

    public AutoHighlightsResult? AutoHighlightsResult { get; init; }

    public bool? AutoChapters { get; init; }

    public JsonArray? Chapters { get; init; }

    public bool? ContentSafety { get; init; }

    public JsonObject? ContentSafetyLabels { get; init; }

    public bool? IabCategories { get; init; }

    public JsonObject? IabCategoriesResult { get; init; }

    public bool? SentimentAnalysis { get; init; }

    public IReadOnlyList<SentimentAnalysisResult>? SentimentAnalysisResults { get; init; }

    public bool? EntityDetection { get; init; }

    public IReadOnlyList<TranscriptEntity>? Entities { get; init; }

    public bool Summarization { get; init; }

    public string? SummaryModel { get; init; }

    public string? SummaryType { get; init; }

    public string? Summary { get; init; }

    public string? Prompt { get; init; }

    public double? Temperature { get; init; }

    /// <summary>Verbatim's own: where the transcript was made ("local", or a configured region such as "eu").</summary>
    public string Region { get; init; } = "local";

    public bool? Throttled { get; init; }

    public string? Error { get; init; }
}

/// <summary>AssemblyAI's TranscriptWord; also how words are stored (Transcript.WordsJson).</summary>
public sealed record TranscriptWord(string Text, int Start, int End, double Confidence, string? Speaker = null, string? Channel = null);

/// <summary>AssemblyAI's TranscriptUtterance: one speaker's turn.</summary>
public sealed record TranscriptUtterance(double Confidence, int Start, int End, string Text, IReadOnlyList<TranscriptWord> Words, string Speaker, string? Channel);

/// <summary>AssemblyAI's Entity (entity_detection).</summary>
public sealed record TranscriptEntity(string EntityType, string Text, int Start, int End);

/// <summary>AssemblyAI's AutoHighlightsResult: status is "success" when the step ran.</summary>
public sealed record AutoHighlightsResult(string Status, IReadOnlyList<AutoHighlightResult> Results);

/// <summary>AssemblyAI's AutoHighlightResult: one key phrase and each time it is said.</summary>
public sealed record AutoHighlightResult(int Count, double Rank, string Text, IReadOnlyList<Timestamp> Timestamps);

public sealed record Timestamp(int Start, int End);

/// <summary>AssemblyAI's SentimentAnalysisResult: one sentence.</summary>
public sealed record SentimentAnalysisResult(string Text, int Start, int End, string Sentiment, double Confidence, string? Speaker, string? Channel);

/// <summary>AssemblyAI's TranscriptListItem.</summary>
/// <summary>What the list reads of a transcript.</summary>
public sealed record TranscriptListRow(Guid Id, TranscriptStatus Status, DateTime CreatedAt, DateTime? CompletedAt, string AudioUrl, string? Error);

public sealed record TranscriptListItem(string Id, string ResourceUrl, string Status, string Created, string? Completed, string AudioUrl, string? Error);

public sealed record PageDetails(int Limit, int ResultCount, string CurrentUrl, string? PrevUrl, string? NextUrl);

public sealed record TranscriptList(PageDetails PageDetails, IReadOnlyList<TranscriptListItem> Transcripts);

public sealed record UploadedFile(string UploadUrl);
