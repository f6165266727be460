using System.Globalization;
using System.Text.Json.Nodes;
using WebApp.Data.Entities;
using WebApp.Transcription;
using WebApp.Transcription.Exports;
using WebApp.Transcription.Model;
using WebApp.Transcription.Redaction;

namespace WebApp.Api.V2;

/// <summary>Builds AssemblyAI's shapes from stored transcripts.</summary>
public static class TranscriptMapper
{
    public static TranscriptWord ToWire(Word word) => new(word.Text, word.Start, word.End, word.Confidence, word.Speaker, word.Channel);

    public static IReadOnlyList<TranscriptWord> ToWire(IReadOnlyList<Word> words) => [.. words.Select(ToWire)];

    public static TranscriptResponse ToResponse(Transcript transcript)
    {
        var options = StoredOptions.Read(transcript);
        var deleted = transcript.DeletedAt is not null;
        var words = deleted || transcript.WordsJson is null ? null : StoredWords.Read(transcript);
        var insights = deleted ? null : StoredInsights.Read(transcript);
        var language = options.Language;
        var redaction = options.Redaction;
        var spellings = options.Formatting.CustomSpelling;
        return new TranscriptResponse
        {
            Id = transcript.Id.ToString(),
            Status = transcript.Status.Name(),
            AudioUrl = transcript.AudioUrl,
            Text = transcript.Text,
            Words = words is null ? null : ToWire(words),
            Utterances = words is not null && (options.Speakers.Label || options.Multichannel)
                ? TranscriptSegmenter.Utterances(words).Select(u => new TranscriptUtterance(u.Confidence, u.Start, u.End, u.Text, ToWire(u.Words), u.Speaker ?? "A", u.Channel)).ToList()
                : null,
            Confidence = transcript.Confidence,
            AudioDuration = transcript.WholeAudioSeconds(),
            // With detection on, the code is what detection found: none while queued, none when it was not English.
            LanguageCode = language.Detect ? transcript.LanguageCode : transcript.LanguageCode ?? language.Code ?? "en_us",
            LanguageDetection = language.Detect,
            LanguageConfidence = transcript.LanguageConfidence,
            LanguageConfidenceThreshold = language.ConfidenceThreshold,
            LanguageDetectionOptions = language.Candidates is { } candidates
                ? new LanguageDetectionOptions
                {
                    ExpectedLanguages = candidates.Expected?.ToList(),
                    FallbackLanguage = candidates.Fallback,
                    CodeSwitching = candidates.CodeSwitching,
                    CodeSwitchingConfidenceThreshold = candidates.CodeSwitchingConfidenceThreshold,
                }
                : null,
            SpeechModel = options.SingleSpeechModel ? options.SpeechModels[0] : null,
            SpeechModels = options.SingleSpeechModel || options.SpeechModels.Count == 0 ? null : options.SpeechModels,
            SpeechModelUsed = transcript.SpeechModelUsed,
            Punctuate = options.Formatting.Punctuate,
            FormatText = options.Formatting.FormatText,
            Disfluencies = options.Formatting.Disfluencies,
            FilterProfanity = options.Formatting.FilterProfanity,
            Multichannel = options.Multichannel,
            AudioChannels = transcript.AudioChannels,
            SpeakerLabels = options.Speakers.Label,
            SpeakersExpected = options.Speakers.Expected,
            SpeakerOptions = options.Speakers is { Min: null, Max: null }
                ? null
                : new SpeakerOptions { MinSpeakersExpected = options.Speakers.Min, MaxSpeakersExpected = options.Speakers.Max },
            AudioStartFrom = options.AudioStartFrom,
            AudioEndAt = options.AudioEndAt,
            KeytermsPrompt = options.Keyterms.Count == 0 ? null : options.Keyterms,
            CustomSpelling = spellings.Count == 0
                ? null
                : new JsonArray([.. spellings.Select(s => new JsonObject { ["from"] = new JsonArray([.. s.From.Select(f => JsonValue.Create(f))]), ["to"] = s.To })]),
            RedactPii = redaction is not null,
            RedactPiiAudio = redaction?.Audio is not null,
            RedactPiiAudioQuality = redaction?.Audio?.FileFormat.Name,
            RedactPiiAudioOptions = redaction?.Audio is { } audio && (audio.Silence || audio.ReturnRedactedNoSpeechAudio is not null)
                ? new RedactPiiAudioOptions
                {
                    OverrideAudioRedactionMethod = audio.Silence ? "silence" : null,
                    ReturnRedactedNoSpeechAudio = audio.ReturnRedactedNoSpeechAudio,
                }
                : null,
            RedactPiiPolicies = redaction?.Policies,
            RedactPiiSub = redaction?.Substitution switch
            {
                PiiSubstitution.Hash => "hash",
                PiiSubstitution.EntityName => "entity_name",
                _ => null,
            },
            SpeechThreshold = options.SpeechThreshold,
            WebhookUrl = deleted && options.Webhook is not null ? TranscriptDeleter.DeletedAudioUrl : options.Webhook?.Url,
            WebhookStatusCode = transcript.WebhookStatusCode,
            WebhookAuth = options.Webhook?.AuthHeaderName is not null,
            WebhookAuthHeaderName = options.Webhook?.AuthHeaderName,
            AutoHighlights = options.Insights.AutoHighlights,
            AutoHighlightsResult = insights?.Highlights is { } highlights
                ? new AutoHighlightsResult("success", [.. highlights.Select(h => new AutoHighlightResult(h.Count, h.Rank, h.Text, [.. h.Occurrences.Select(o => new Timestamp(o.Start, o.End))]))])
                : null,
            SentimentAnalysis = options.Insights.SentimentAnalysis,
            SentimentAnalysisResults = insights?.Sentiments?.Select(s => new SentimentAnalysisResult(
                s.Text, s.Start, s.End, s.Sentiment.ToString().ToUpperInvariant(), s.Confidence, s.Speaker, s.Channel)).ToList(),
            EntityDetection = options.Insights.EntityDetection,
            Entities = insights?.Entities?.Select(e => new TranscriptEntity(e.Type, e.Text, e.Start, e.End)).ToList(),
            // AssemblyAI's hosted models: served by remote regions only (refused for local ones at submission).
            AutoChapters = options.Hosted.AutoChapters,
            Chapters = insights?.Hosted?.Chapters is { } chapters ? HostedInsightsWire.ChaptersToWire(chapters) : null,
            ContentSafety = options.Hosted.ContentSafety,
            ContentSafetyLabels = insights?.Hosted?.ContentSafety is { } safety ? HostedInsightsWire.SectionsToWire(safety, safety: true) : null,
            IabCategories = options.Hosted.IabCategories,
            IabCategoriesResult = insights?.Hosted?.Topics is { } topics ? HostedInsightsWire.SectionsToWire(topics, safety: false) : null,
            Summarization = options.Hosted.Summarization,
            SummaryModel = options.Hosted.SummaryModel,
            SummaryType = options.Hosted.SummaryType,
            Summary = insights?.Hosted?.Summary,
            Prompt = options.Hosted.Prompt,
            Temperature = options.Hosted.Temperature,
            Region = transcript.Region,
            Throttled = transcript.Throttled,
            Error = transcript.Error,
        };
    }

    /// <param name="baseUrl">Where the list was asked for, region prefix included.</param>
    public static TranscriptListItem ToListItem(TranscriptListRow transcript, string baseUrl) => new(
        transcript.Id.ToString(),
        $"{baseUrl}/v2/transcript/{transcript.Id}",
        transcript.Status.Name(),
        FormatTimestamp(transcript.CreatedAt),
        transcript.CompletedAt is { } completed ? FormatTimestamp(completed) : null,
        transcript.AudioUrl,
        transcript.Error);

    // AssemblyAI writes list timestamps without an offset, e.g. 2023-11-02T21:49:25.586965 (UTC).
    private static string FormatTimestamp(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture);
}
