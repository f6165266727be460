using System.Text.Json;
using WebApp.Data.Entities;
using WebApp.Transcription.Insights;

namespace WebApp.Transcription.Model;

/// <summary>
/// How a transcript's <see cref="TranscriptInsights"/> are kept in <see cref="Transcript.InsightsJson"/>: our own JSON,
/// <c>{"v":1,"entities":[…],"highlights":[…],"sentiments":[…],"hosted":{…}}</c>, a list left out when its step was not asked for.
/// A column of its own rather than part of the words: the reader's edits rewrite the words and must not drop these,
/// and deleting a transcript clears both.
/// </summary>
public static class StoredInsights
{
    public const int Version = 1;

    public static string Write(TranscriptInsights insights) => JsonSerializer.Serialize(
        new Envelope(Version, insights.Entities, insights.Highlights, insights.Sentiments, insights.Hosted), StoredOptions.Json);

    /// <summary>The insights of a stored transcript; null when it has none (none asked for, not finished, or deleted).</summary>
    /// <exception cref="InvalidDataException">The row is in a format this version cannot read.</exception>
    public static TranscriptInsights? Read(Transcript transcript)
    {
        if (transcript.InsightsJson is null)
        {
            return null;
        }

        var envelope = JsonSerializer.Deserialize<Envelope>(transcript.InsightsJson, StoredOptions.Json);
        return envelope is { V: Version }
            ? new TranscriptInsights(envelope.Entities, envelope.Highlights, envelope.Sentiments) { Hosted = envelope.Hosted }
            : throw new InvalidDataException($"Stored transcript insights are not in format version {Version}.");
    }

    private sealed record Envelope(
        int V, IReadOnlyList<DetectedEntity>? Entities, IReadOnlyList<KeyPhrase>? Highlights, IReadOnlyList<SentenceSentiment>? Sentiments,
        HostedInsights? Hosted = null);
}
