using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using WebApp.Transcription.Engines.Remote;
using WebApp.Transcription.Insights;
using WebApp.Transcription.Model;
using WebApp.Transcription.Redaction;

namespace WebApp.Api.V2;

/// <summary>
/// The translation a remote region's job needs: the pipeline's options as AssemblyAI's TranscriptParams, and
/// AssemblyAI's Transcript back in the pipeline's terms.
/// </summary>
public sealed class RemoteWireFormat : IRemoteWireFormat
{
    // AssemblyAI's documentation leaves out what is not set; some of its fields refuse an explicit null.
    private static readonly JsonSerializerOptions RequestJson = new(TranscriptParams.JsonOptions) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string TranscriptRequest(TranscriptOptions options, string audioUrl, UpstreamWebhook? webhook)
    {
        var language = options.Language;
        var redaction = options.Redaction;
        var hosted = options.Hosted;
        var body = new TranscriptParams
        {
            AudioUrl = audioUrl,
            SpeechModels = options.SingleSpeechModel || options.SpeechModels.Count == 0 ? null : [.. options.SpeechModels],
            SpeechModel = options.SingleSpeechModel ? options.SpeechModels[0] : null,
            LanguageCode = language.Code,
            LanguageDetection = language.Detect ? true : null,
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
            Punctuate = options.Formatting.Punctuate,
            FormatText = options.Formatting.FormatText,
            Disfluencies = options.Formatting.Disfluencies,
            FilterProfanity = options.Formatting.FilterProfanity,
            CustomSpelling = options.Formatting.CustomSpelling.Count == 0
                ? null
                : new JsonArray([.. options.Formatting.CustomSpelling.Select(s => new JsonObject { ["from"] = new JsonArray([.. s.From.Select(f => JsonValue.Create(f))]), ["to"] = s.To })]),
            SpeakerLabels = options.Speakers.Label ? true : null,
            SpeakersExpected = options.Speakers.Expected,
            SpeakerOptions = options.Speakers is { Min: null, Max: null }
                ? null
                : new SpeakerOptions { MinSpeakersExpected = options.Speakers.Min, MaxSpeakersExpected = options.Speakers.Max },
            Multichannel = options.Multichannel ? true : null,
            AudioStartFrom = options.AudioStartFrom,
            AudioEndAt = options.AudioEndAt,
            KeytermsPrompt = options.Keyterms.Count == 0 ? null : [.. options.Keyterms],
            RedactPii = redaction is null ? null : true,
            RedactPiiPolicies = redaction?.Policies.ToList(),
            RedactPiiSub = redaction?.Substitution switch
            {
                PiiSubstitution.Hash => "hash",
                PiiSubstitution.EntityName => "entity_name",
                _ => null,
            },
            SpeechThreshold = options.SpeechThreshold,
            EntityDetection = options.Insights.EntityDetection ? true : null,
            AutoHighlights = options.Insights.AutoHighlights ? true : null,
            SentimentAnalysis = options.Insights.SentimentAnalysis ? true : null,
            Summarization = hosted.Summarization ? true : null,
            SummaryModel = hosted.SummaryModel,
            SummaryType = hosted.SummaryType,
            AutoChapters = hosted.AutoChapters ? true : null,
            ContentSafety = hosted.ContentSafety ? true : null,
            ContentSafetyConfidence = hosted.ContentSafetyConfidence,
            IabCategories = hosted.IabCategories ? true : null,
            Prompt = hosted.Prompt,
            Temperature = hosted.Temperature,
            // The client's own webhook_url is called by this server once the result is stored here.
            WebhookUrl = webhook?.Url,
            WebhookAuthHeaderName = webhook?.HeaderName,
            WebhookAuthHeaderValue = webhook?.HeaderValue,
        };
        return JsonSerializer.Serialize(body, RequestJson);
    }

    public RemoteTranscript ReadTranscript(string json)
    {
        TranscriptResponse? wire;
        try
        {
            wire = JsonSerializer.Deserialize<TranscriptResponse>(json, V2Json.Options);
        }
        catch (JsonException ex)
        {
            throw new FormatException("Not AssemblyAI's Transcript.", ex);
        }

        if (wire is null || string.IsNullOrEmpty(wire.Id))
        {
            throw new FormatException("Not AssemblyAI's Transcript.");
        }

        return new RemoteTranscript(wire.Id, wire.Status)
        {
            Error = wire.Error,
            Text = wire.Text,
            Words = wire.Words?.Select(w => new Word(w.Text, w.Start, w.End, w.Confidence, w.Speaker, w.Channel)).ToList() ?? [],
            Confidence = wire.Confidence,
            AudioDurationSeconds = wire.AudioDuration,
            AudioChannels = wire.AudioChannels,
            LanguageCode = wire.LanguageCode,
            LanguageConfidence = wire.LanguageConfidence,
            SpeechModelUsed = wire.SpeechModelUsed,
            Insights = InsightsOf(wire),
        };
    }

    public string ReadUploadUrl(string json)
    {
        try
        {
            return JsonNode.Parse(json)?["upload_url"]?.GetValue<string>() ?? throw new FormatException("No upload_url.");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new FormatException("No upload_url.", ex);
        }
    }

    private static TranscriptInsights? InsightsOf(TranscriptResponse wire)
    {
        var hosted = new HostedInsights(
            wire.Summary,
            HostedInsightsWire.ChaptersFromWire(wire.Chapters),
            HostedInsightsWire.SectionsFromWire(wire.ContentSafetyLabels, safety: true),
            HostedInsightsWire.SectionsFromWire(wire.IabCategoriesResult, safety: false));
        var insights = new TranscriptInsights(
            wire.Entities?.Select(e => new DetectedEntity(e.EntityType, e.Text, e.Start, e.End)).ToList(),
            wire.AutoHighlightsResult?.Results.Select(h => new KeyPhrase(h.Text, h.Rank, [.. h.Timestamps.Select(t => new PhraseTime(t.Start, t.End))])).ToList(),
            wire.SentimentAnalysisResults?.Select(s => new SentenceSentiment(
                s.Text, s.Start, s.End, Enum.TryParse<Sentiment>(s.Sentiment, ignoreCase: true, out var sentiment) ? sentiment : Sentiment.Neutral,
                s.Confidence, s.Speaker, s.Channel)).ToList())
        {
            Hosted = hosted == new HostedInsights() ? null : hosted,
        };
        return insights == new TranscriptInsights() ? null : insights;
    }
}
