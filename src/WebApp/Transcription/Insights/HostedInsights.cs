namespace WebApp.Transcription.Insights;

/// <summary>
/// What AssemblyAI's hosted models found (summarization, auto_chapters, content_safety, iab_categories) on a transcript
/// made in a remote region; the local pipeline has none of these. Stored with the other insights.
/// </summary>
public sealed record HostedInsights(
    string? Summary = null,
    IReadOnlyList<Chapter>? Chapters = null,
    LabelledSections? ContentSafety = null,
    LabelledSections? Topics = null);

/// <summary>One auto_chapters chapter, times in milliseconds.</summary>
public sealed record Chapter(string Gist, string Headline, string Summary, int Start, int End);

/// <summary>content_safety_labels or iab_categories_result: labelled stretches of the transcript and a summary.</summary>
/// <param name="Summary">Each label's overall confidence (content safety) or relevance (topics), in [0, 1].</param>
/// <param name="SeveritySummary">Content safety only: each label's share of low, medium and high severity.</param>
public sealed record LabelledSections(
    string Status,
    IReadOnlyList<LabelledSection> Results,
    IReadOnlyDictionary<string, double> Summary,
    IReadOnlyDictionary<string, SeverityShares>? SeveritySummary = null);

/// <param name="SentencesIdxStart">Content safety only: the first sentence the section covers.</param>
public sealed record LabelledSection(string Text, IReadOnlyList<SectionLabel> Labels, int Start, int End, int? SentencesIdxStart = null, int? SentencesIdxEnd = null);

/// <param name="Score">Confidence (content safety) or relevance (topics), in [0, 1].</param>
/// <param name="Severity">Content safety only.</param>
public sealed record SectionLabel(string Label, double Score, double? Severity = null);

public sealed record SeverityShares(double Low, double Medium, double High);
