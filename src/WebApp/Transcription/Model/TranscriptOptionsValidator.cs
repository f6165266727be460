using WebApp.Transcription.Engines;
using WebApp.Transcription.Redaction;
using WebApp.Transcription.Webhooks;

namespace WebApp.Transcription.Model;

/// <summary>
/// Checks a transcript's options before it is queued: values in range, options that need each other, and (from the
/// installed engines' capabilities, through <see cref="SpeechModelRouter"/>) that some engine can do what is asked.
/// The API and the browser's form both come through here, so they refuse the same things with the same words.
/// </summary>
public sealed class TranscriptOptionsValidator(SpeechModelRouter router)
{
    /// <param name="remote">
    /// The transcript goes to a remote region: what its upstream can do is for it to say (an option it refuses ends the
    /// job in error with its message), so only the shape of the request is checked here, not the local engines.
    /// </param>
    /// <returns>What is wrong, in words for the caller, or null.</returns>
    public string? Validate(TranscriptOptions options, bool remote = false) =>
        RequestSizeLimits.Check(options)
        ?? ValidateAudio(options)
        ?? ValidateLanguage(options.Language, options.SpeechThreshold, remote)
        ?? ValidateWebhook(options.Webhook)
        ?? ValidateSpeakers(options.Speakers)
        ?? ValidateKeyterms(options.Keyterms)
        ?? ValidateRedaction(options.Redaction, remote)
        ?? ValidateTemperature(options.Hosted.Temperature)
        ?? (remote ? null : LocalOnly(options));

    private string? LocalOnly(TranscriptOptions options) =>
        (options.Hosted.FirstModelRequested is { } hosted ? $"{hosted} is not supported by this server's local speech engines; a remote region can serve it." : null)
        ?? EnglishOnly(options)
        ?? router.Choose(options).Error;

    /// <summary>AssemblyAI's range for temperature.</summary>
    private static string? ValidateTemperature(double? temperature) =>
        temperature is { } value && (double.IsNaN(value) || value < 0 || value > 1) ? "temperature must be between 0 and 1." : null;

    private static string? ValidateAudio(TranscriptOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.AudioUrl))
        {
            return "audio_url is required.";
        }

        if (!IsHttpUrl(options.AudioUrl))
        {
            return "audio_url must be an absolute http or https URL.";
        }

        if (options.AudioStartFrom is < 0 || options.AudioEndAt is < 0)
        {
            return "audio_start_from and audio_end_at must be positive numbers of milliseconds.";
        }

        return options.AudioEndAt is { } end && end <= (options.AudioStartFrom ?? 0)
            ? "audio_end_at must be greater than audio_start_from."
            : null;
    }

    private static string? ValidateLanguage(LanguageOptions language, double? speechThreshold, bool remote)
    {
        if (language.ConfidenceThreshold is < 0 or > 1 || speechThreshold is < 0 or > 1)
        {
            return "language_confidence_threshold and speech_threshold must be between 0 and 1.";
        }

        // 0 is AssemblyAI's default, which asks for nothing; any other threshold is one only detection can apply.
        if (language.ConfidenceThreshold is > 0 && !language.Detect)
        {
            return "language_confidence_threshold needs language_detection set to true: it is the lowest confidence of the detected language to accept.";
        }

        if (language.Detect && language.Code is not null)
        {
            return "language_code and language_detection cannot be used together: set language_code to choose the language, or language_detection to detect it.";
        }

        if (language.Candidates is not { } candidates)
        {
            return null;
        }

        if (!language.Detect)
        {
            return "language_detection_options needs language_detection set to true.";
        }

        var expected = candidates.Expected ?? ["all"];
        if (expected.Count == 0)
        {
            return "language_detection_options.expected_languages must not be empty (leave it out, or use [\"all\"]).";
        }

        if (candidates.Fallback is { } fallback && fallback != "auto" && !expected.Contains(fallback) && !expected.Contains("all"))
        {
            return "language_detection_options.fallback_language must be \"auto\" or one of expected_languages.";
        }

        if (candidates.CodeSwitchingConfidenceThreshold is < 0 or > 1)
        {
            return "language_detection_options.code_switching_confidence_threshold must be between 0 and 1.";
        }

        if (candidates.CodeSwitching == true && !remote)
        {
            return "language_detection_options.code_switching is not supported by this server's speech engines: each transcript is in one language.";
        }

        return candidates.CodeSwitchingConfidenceThreshold is not null && candidates.CodeSwitching != true
            ? "language_detection_options.code_switching_confidence_threshold applies only with code_switching."
            : null;
    }

    private static string? ValidateWebhook(WebhookTarget? webhook)
    {
        if (webhook is null)
        {
            return null;
        }

        if (!IsHttpUrl(webhook.Url))
        {
            return "webhook_url must be an absolute http or https URL.";
        }

        if ((webhook.AuthHeaderName is null) != (webhook.AuthHeaderValue is null))
        {
            return "webhook_auth_header_name and webhook_auth_header_value must be given together.";
        }

        return webhook.AuthHeaderName is { } name ? WebhookHeader.Problem(name, webhook.AuthHeaderValue) : null;
    }

    private static string? ValidateSpeakers(SpeakerOptions speakers)
    {
        if (speakers.Expected is < 1 or > 10 || speakers.Min is < 1 or > 10 || speakers.Max is < 1 or > 10)
        {
            return "speakers_expected and speaker_options must be between 1 and 10.";
        }

        if (speakers is { Min: { } min, Max: { } max } && min > max)
        {
            return "speaker_options.min_speakers_expected must not exceed max_speakers_expected.";
        }

        return (speakers.Expected is not null || speakers.Min is not null || speakers.Max is not null) && !speakers.Label
            ? "speakers_expected and speaker_options need speaker_labels set to true."
            : null;
    }

    // Counts and lengths are checked first, by RequestSizeLimits.
    private static string? ValidateKeyterms(IReadOnlyList<string> keyterms) =>
        keyterms.Any(term => RequestSizeLimits.KeytermWordCount(term) == 0) ? "keyterms_prompt terms must not be empty." : null;

    private static string? ValidateRedaction(RedactionOptions? redaction, bool remote)
    {
        if (redaction is null)
        {
            return null;
        }

        if (redaction.Policies.Count == 0)
        {
            return "redact_pii_policies must list at least one policy when redact_pii is true.";
        }

        if (redaction.Policies.FirstOrDefault(p => !PiiPolicy.AssemblyAiPolicies.Contains(p)) is { } unknown)
        {
            return $"Unknown PII policy \"{unknown}\".";
        }

        if (remote && redaction.Audio is not null)
        {
            return "redact_pii_audio is not available in remote regions yet: the redacted audio would stay on the upstream. Use the local region, or redact the text only.";
        }

        if (!remote && redaction.Policies.FirstOrDefault(p => !PiiRedactor.SupportedPolicies.Contains(p)) is { } unsupported)
        {
            return $"The PII policy \"{unsupported}\" is not supported by this server's local engine. Supported policies: {string.Join(", ", PiiRedactor.SupportedPolicies.Order(StringComparer.Ordinal))}.";
        }

        return redaction.Audio?.Format is { } format && RedactedAudioFormat.FromQuality(format) is null
            ? "redact_pii_audio_quality must be \"mp3\" or \"wav\"."
            : null;
    }

    /// <summary>The PII rules are written for English; a transcript in another language would be redacted badly, and so leak.</summary>
    private static string? EnglishOnly(TranscriptOptions options)
    {
        if (options.Language.BaseCode is not { } language || language == "en")
        {
            return null;
        }

        if (options.Redaction is not null)
        {
            return $"redact_pii works on English only: its rules would miss personal information in language_code \"{options.Language.Code}\".";
        }

        return EnglishOnlyInsight(options.Insights) is { } insight
            ? $"{insight} works on English only: its word lists are English, and language_code is \"{options.Language.Code}\"."
            : null;
    }

    /// <summary>The API name of the first audio-intelligence step asked for (all are English only), or null.</summary>
    public static string? EnglishOnlyInsight(InsightOptions insights) =>
        insights.EntityDetection ? "entity_detection" : insights.AutoHighlights ? "auto_highlights" : insights.SentimentAnalysis ? "sentiment_analysis" : null;

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
