using WebApp.Transcription.Exports;
using WebApp.Transcription.Model;
using WebApp.Transcription.Redaction;

namespace WebApp.Transcription.Insights;

/// <summary>Runs the audio-intelligence steps a transcript asked for over its formatted words.</summary>
public static class TranscriptAnalyzer
{
    private static readonly char[] SurroundingPunctuation = ['.', ',', '?', '!', ';', ':', '"'];

    /// <param name="formatted">The words before PII redaction: entities are found in what was said.</param>
    /// <param name="stored">The words as the transcript keeps them (redacted, with redact_pii): every text returned comes from these.</param>
    /// <returns>The insights, or null when none was asked for.</returns>
    public static TranscriptInsights? Analyze(IReadOnlyList<Word> formatted, IReadOnlyList<Word> stored, InsightOptions options) =>
        !options.Any
            ? null
            : new TranscriptInsights(
                options.EntityDetection ? Entities(formatted, stored) : null,
                options.AutoHighlights ? KeyPhraseExtractor.Extract(stored) : null,
                options.SentimentAnalysis ? Sentiments(stored) : null);

    /// <summary>
    /// The insights again after a person corrected one word (the reader): key phrases and sentiments are found anew in
    /// the corrected words. Entities are too, except those found before redaction: redacted words ("####") cannot be
    /// read again, so an earlier entity that no new one overlaps and that does not touch the corrected word is kept.
    /// </summary>
    public static TranscriptInsights Reanalyze(TranscriptInsights before, IReadOnlyList<Word> corrected, int correctedIndex)
    {
        var word = corrected[correctedIndex];
        IReadOnlyList<DetectedEntity>? entities = null;
        if (before.Entities is { } earlier)
        {
            var found = Entities(corrected, corrected);
            var kept = earlier.Where(e => !Overlaps(e.Start, e.End, word.Start, word.End) && !found.Any(f => Overlaps(e.Start, e.End, f.Start, f.End)));
            entities = [.. found.Concat(kept).OrderBy(e => e.Start).ThenBy(e => e.End)];
        }

        return new TranscriptInsights(
            entities,
            before.Highlights is null ? null : KeyPhraseExtractor.Extract(corrected),
            before.Sentiments is null ? null : Sentiments(corrected));
    }

    private static bool Overlaps(int start, int end, int otherStart, int otherEnd) => start < otherEnd && otherStart < end;

    /// <summary>
    /// Every kind of entity the PII detectors know, found before redaction so that redacting one kind (say, names)
    /// does not stop another (say, a place inside a redacted address) from being found; the text is then read from
    /// the stored words, so what redaction hid stays hidden.
    /// </summary>
    public static IReadOnlyList<DetectedEntity> Entities(IReadOnlyList<Word> formatted, IReadOnlyList<Word> stored) =>
        [.. PiiRedactor.Detect(formatted, [.. PiiPolicy.Supported]).Select(entity => new DetectedEntity(
            entity.Policy,
            ReferenceEquals(formatted, stored) ? entity.Text : TextBetween(stored, entity.Start, entity.End) ?? entity.Text,
            entity.Start,
            entity.End))];

    public static IReadOnlyList<SentenceSentiment> Sentiments(IReadOnlyList<Word> words) =>
        [.. TranscriptSegmenter.Sentences(words).Select(sentence =>
        {
            var score = SentimentAnalyzer.Score(sentence.Text);
            return new SentenceSentiment(sentence.Text, sentence.Start, sentence.End, score.Sentiment, score.Confidence, sentence.Speaker, sentence.Channel);
        })];

    private static string? TextBetween(IReadOnlyList<Word> words, int start, int end)
    {
        var inside = words.Where(w => w.Start < end && w.End > start).Select(w => w.Text).ToList();
        return inside.Count == 0 ? null : string.Join(' ', inside).Trim(SurroundingPunctuation);
    }
}
