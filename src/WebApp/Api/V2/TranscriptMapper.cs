using System.Globalization;
using System.Text.Json;
using WebApp.Data.Entities;
using WebApp.Transcription.Exports;
using WebApp.Transcription.Redaction;

namespace WebApp.Api.V2;

/// <summary>Builds AssemblyAI's shapes from stored transcripts.</summary>
public static class TranscriptMapper
{
    public const string DeletedAudioUrl = "http://deleted_by_user";

    public static TranscriptParams ReadOptions(Transcript transcript) =>
        JsonSerializer.Deserialize<TranscriptParams>(transcript.OptionsJson, TranscriptParams.JsonOptions) ?? new TranscriptParams();

    public static string WriteOptions(TranscriptParams options) => JsonSerializer.Serialize(options, TranscriptParams.JsonOptions);

    public static IReadOnlyList<TranscriptWord>? ReadWords(Transcript transcript) =>
        transcript.WordsJson is null ? null : JsonSerializer.Deserialize<List<TranscriptWord>>(transcript.WordsJson, V2Json.Options);

    public static string WriteWords(IReadOnlyList<TranscriptWord> words) => JsonSerializer.Serialize(words, V2Json.Options);

    public static string StatusName(TranscriptStatus status) => status.ToString().ToLowerInvariant();

    public static TranscriptResponse ToResponse(Transcript transcript)
    {
        var options = ReadOptions(transcript);
        var deleted = transcript.DeletedAt is not null;
        var words = deleted ? null : ReadWords(transcript);
        return new TranscriptResponse
        {
            Id = transcript.Id.ToString(),
            Status = StatusName(transcript.Status),
            AudioUrl = transcript.AudioUrl,
            Text = transcript.Text,
            Words = words,
            Utterances = words is not null && (options.SpeakerLabels == true || options.Multichannel == true)
                ? TranscriptSegmenter.Utterances(words).Select(u => new TranscriptUtterance(u.Confidence, u.Start, u.End, u.Text, u.Words, u.Speaker ?? "A", u.Channel)).ToList()
                : null,
            Confidence = transcript.Confidence,
            AudioDuration = AudioDuration(transcript),
            // With detection on, the code is what detection found: none while queued, none when it was not English.
            LanguageCode = options.LanguageDetection == true ? transcript.LanguageCode : transcript.LanguageCode ?? options.LanguageCode ?? "en_us",
            LanguageDetection = options.LanguageDetection ?? false,
            LanguageConfidence = transcript.LanguageConfidence,
            LanguageConfidenceThreshold = options.LanguageConfidenceThreshold,
            LanguageDetectionOptions = options.LanguageDetectionOptions,
            SpeechModel = options.SpeechModel,
            SpeechModels = options.SpeechModels,
            SpeechModelUsed = transcript.SpeechModelUsed,
            Punctuate = options.Punctuate ?? true,
            FormatText = options.FormatText ?? true,
            Disfluencies = options.Disfluencies ?? false,
            FilterProfanity = options.FilterProfanity ?? false,
            Multichannel = options.Multichannel ?? false,
            AudioChannels = transcript.AudioChannels,
            SpeakerLabels = options.SpeakerLabels ?? false,
            SpeakersExpected = options.SpeakersExpected,
            SpeakerOptions = options.SpeakerOptions,
            AudioStartFrom = options.AudioStartFrom,
            AudioEndAt = options.AudioEndAt,
            KeytermsPrompt = options.KeytermsPrompt,
            CustomSpelling = options.CustomSpelling,
            RedactPii = options.RedactPii ?? false,
            RedactPiiAudio = options.RedactPiiAudio ?? false,
            RedactPiiAudioQuality = options.RedactPiiAudioQuality ?? (options.RedactPiiAudio == true ? RedactedAudioFormat.Mp3.Name : null),
            RedactPiiAudioOptions = options.RedactPiiAudioOptions,
            RedactPiiPolicies = options.RedactPiiPolicies,
            RedactPiiSub = options.RedactPiiSub,
            SpeechThreshold = options.SpeechThreshold,
            WebhookUrl = deleted && options.WebhookUrl is not null ? DeletedAudioUrl : options.WebhookUrl,
            WebhookStatusCode = transcript.WebhookStatusCode,
            WebhookAuth = options.WebhookAuthHeaderName is not null,
            WebhookAuthHeaderName = options.WebhookAuthHeaderName,
            AutoHighlights = options.AutoHighlights ?? false,
            AutoChapters = options.AutoChapters ?? false,
            ContentSafety = options.ContentSafety ?? false,
            IabCategories = options.IabCategories ?? false,
            SentimentAnalysis = options.SentimentAnalysis ?? false,
            EntityDetection = options.EntityDetection ?? false,
            Summarization = options.Summarization ?? false,
            Throttled = false,
            Error = transcript.Error,
        };
    }

    /// <summary>Whole seconds, as AssemblyAI gives audio_duration.</summary>
    public static int? AudioDuration(Transcript transcript) =>
        transcript.AudioDurationSeconds is { } seconds ? (int)Math.Round(seconds) : null;

    public static TranscriptListItem ToListItem(Transcript transcript, string baseUrl) => new(
        transcript.Id.ToString(),
        $"{baseUrl}/v2/transcript/{transcript.Id}",
        StatusName(transcript.Status),
        FormatTimestamp(transcript.CreatedAt),
        transcript.CompletedAt is { } completed ? FormatTimestamp(completed) : null,
        transcript.AudioUrl,
        transcript.Error);

    // AssemblyAI writes list timestamps without an offset, e.g. 2023-11-02T21:49:25.586965 (UTC).
    private static string FormatTimestamp(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture);
}
