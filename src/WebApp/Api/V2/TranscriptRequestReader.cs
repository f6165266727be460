using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using WebApp.Transcription.Formatting;
using WebApp.Transcription.Redaction;

namespace WebApp.Api.V2;

/// <summary>
/// Reads and checks the body of POST /v2/transcript (and the browser's equivalent). Wrong types and impossible values answer 400 with a message
/// naming the field, as AssemblyAI does ("format_text must be a Boolean").
/// </summary>
public static class TranscriptRequestReader
{
    /// <summary>AssemblyAI's model names; a local region serves all of them with its own engine and says so in speech_model_used.</summary>
    public static readonly IReadOnlySet<string> AssemblyAiModelNames =
        new HashSet<string>(["universal-3-pro", "universal-2", "universal", "best", "nano", "slam-1"], StringComparer.Ordinal);

    /// <summary>AssemblyAI's limits for keyterms_prompt (Universal-3 Pro's count; Universal-2 takes 200).</summary>
    public const int MaxKeyterms = 1000;

    public const int MaxWordsPerKeyterm = 6;

    /// <summary>Parses the body; the values are checked by <see cref="Validate"/> when the transcript is submitted.</summary>
    public static async Task<(TranscriptParams? Params, string? Error)> ReadAsync(HttpRequest request)
    {
        TranscriptParams? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<TranscriptParams>(request.Body, TranscriptParams.JsonOptions, request.HttpContext.RequestAborted);
        }
        catch (JsonException ex)
        {
            return (null, DescribeJsonError(ex));
        }

        if (body is null)
        {
            return (null, "Request body must be a JSON object.");
        }

        return (body, null);
    }

    /// <returns>What is wrong with the options, in words for the caller, or null.</returns>
    public static string? Validate(TranscriptParams body, IReadOnlyList<string> localModelNames)
    {
        if (string.IsNullOrWhiteSpace(body.AudioUrl))
        {
            return "audio_url is required.";
        }

        if (!Uri.TryCreate(body.AudioUrl, UriKind.Absolute, out var audioUri) || (audioUri.Scheme != Uri.UriSchemeHttp && audioUri.Scheme != Uri.UriSchemeHttps))
        {
            return "audio_url must be an absolute http or https URL.";
        }

        var requestedModels = body.SpeechModels ?? (body.SpeechModel is null ? [] : [body.SpeechModel]);
        var unknownModel = requestedModels.FirstOrDefault(m => !AssemblyAiModelNames.Contains(m) && !localModelNames.Contains(m));
        if (unknownModel is not null)
        {
            return $"Unknown speech model \"{unknownModel}\". Supported: {string.Join(", ", localModelNames.Concat(AssemblyAiModelNames))}.";
        }

        if (body.LanguageCode is { } language && !TranscriptCapabilities.LanguageCodes.Contains(language))
        {
            return $"language_code \"{language}\" is not supported by this server's speech engine. Supported language codes: {string.Join(", ", TranscriptCapabilities.LanguageCodes)}.";
        }

        if (body.LanguageConfidenceThreshold is < 0 or > 1 || body.SpeechThreshold is < 0 or > 1)
        {
            return "language_confidence_threshold and speech_threshold must be between 0 and 1.";
        }

        if (ValidateLanguageDetection(body) is { } languageError)
        {
            return languageError;
        }

        if (body.WebhookUrl is not null && (!Uri.TryCreate(body.WebhookUrl, UriKind.Absolute, out var webhookUri) || (webhookUri.Scheme != Uri.UriSchemeHttp && webhookUri.Scheme != Uri.UriSchemeHttps)))
        {
            return "webhook_url must be an absolute http or https URL.";
        }

        if ((body.WebhookAuthHeaderName is null) != (body.WebhookAuthHeaderValue is null))
        {
            return "webhook_auth_header_name and webhook_auth_header_value must be given together.";
        }

        // Options the local engine cannot honour yet are refused: silently ignoring them would not be honest.
        if (body.SpeakersExpected is < 1 or > 10
            || body.SpeakerOptions?.MinSpeakersExpected is < 1 or > 10
            || body.SpeakerOptions?.MaxSpeakersExpected is < 1 or > 10)
        {
            return "speakers_expected and speaker_options must be between 1 and 10.";
        }

        if (body.SpeakerOptions is { MinSpeakersExpected: { } min, MaxSpeakersExpected: { } max } && min > max)
        {
            return "speaker_options.min_speakers_expected must not exceed max_speakers_expected.";
        }

        if ((body.SpeakersExpected is not null || body.SpeakerOptions is not null) && body.SpeakerLabels != true)
        {
            return "speakers_expected and speaker_options need speaker_labels set to true.";
        }

        if (body.AudioStartFrom is < 0 || body.AudioEndAt is < 0)
        {
            return "audio_start_from and audio_end_at must be positive numbers of milliseconds.";
        }

        if (body.AudioEndAt is { } end && end <= (body.AudioStartFrom ?? 0))
        {
            return "audio_end_at must be greater than audio_start_from.";
        }

        if (CustomSpellingReader.Read(body.CustomSpelling).Error is { } spellingError)
        {
            return spellingError;
        }

        if (ValidateKeyterms(body.KeytermsPrompt) is { } keytermsError)
        {
            return keytermsError;
        }

        if (ValidateRedaction(body) is { } redactionError)
        {
            return redactionError;
        }

        return TranscriptCapabilities.FirstUnsupportedFeature(body) is { } feature
            ? $"{feature} is not supported yet by this server's local speech engine."
            : null;
    }

    /// <summary>
    /// Detection here can tell English from other speech but transcribes English only, so the options may name English
    /// codes (or "all"/"auto", the defaults) and nothing that would need another language's transcription.
    /// </summary>
    private static string? ValidateLanguageDetection(TranscriptParams body)
    {
        if (body.LanguageDetection == true && body.LanguageCode is not null)
        {
            return "language_code and language_detection cannot be used together: set language_code to choose the language, or language_detection to detect it.";
        }

        if (body.LanguageDetectionOptions is not { } options)
        {
            return null;
        }

        if (body.LanguageDetection != true)
        {
            return "language_detection_options needs language_detection set to true.";
        }

        var english = string.Join(", ", TranscriptCapabilities.LanguageCodes);
        var expected = options.ExpectedLanguages ?? ["all"];
        if (expected.Count == 0 || expected.Any(code => code != "all" && !TranscriptCapabilities.LanguageCodes.Contains(code)))
        {
            return $"language_detection_options.expected_languages may hold only \"all\" or English codes ({english}): this server's local speech engine transcribes English only.";
        }

        if (options.FallbackLanguage is { } fallback && fallback != "auto" && !(expected.Contains(fallback) || (expected.Contains("all") && TranscriptCapabilities.LanguageCodes.Contains(fallback))))
        {
            return "language_detection_options.fallback_language must be \"auto\" or one of expected_languages.";
        }

        if (options.CodeSwitchingConfidenceThreshold is < 0 or > 1)
        {
            return "language_detection_options.code_switching_confidence_threshold must be between 0 and 1.";
        }

        return options.CodeSwitching == true
            ? "language_detection_options.code_switching is not supported by this server's local speech engine: it transcribes English only."
            : null;
    }

    private static string? ValidateKeyterms(List<string>? keyterms)
    {
        if (keyterms is null)
        {
            return null;
        }

        if (keyterms.Count > MaxKeyterms)
        {
            return $"keyterms_prompt can have at most {MaxKeyterms} terms; it has {keyterms.Count}.";
        }

        if (keyterms.Any(string.IsNullOrWhiteSpace))
        {
            return "keyterms_prompt terms must not be empty.";
        }

        return keyterms.FirstOrDefault(term => term.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxWordsPerKeyterm) is { } tooLong
            ? $"Each keyterms_prompt term can have at most {MaxWordsPerKeyterm} words: \"{tooLong}\" has more."
            : null;
    }

    private static string? ValidateRedaction(TranscriptParams body)
    {
        if (body.RedactPiiSub is not null && !PiiSubstitutionNames.TryParse(body.RedactPiiSub, out _))
        {
            return "redact_pii_sub must be \"hash\" or \"entity_name\".";
        }

        if (RedactedAudioFormat.FromQuality(body.RedactPiiAudioQuality) is null)
        {
            return "redact_pii_audio_quality must be \"mp3\" or \"wav\".";
        }

        if (body.RedactPiiAudioOptions?.OverrideAudioRedactionMethod is { } method && method != "silence")
        {
            return "redact_pii_audio_options.override_audio_redaction_method must be \"silence\" (or left out for a beep).";
        }

        if (body.RedactPiiAudio == true && body.RedactPii != true)
        {
            return "redact_pii_audio needs redact_pii set to true: the audio is redacted where the text is.";
        }

        if (body.RedactPii != true)
        {
            return null;
        }

        if (body.RedactPiiPolicies is not { Count: > 0 } policies)
        {
            return "redact_pii_policies must list at least one policy when redact_pii is true.";
        }

        if (policies.FirstOrDefault(p => !PiiPolicy.AssemblyAiPolicies.Contains(p)) is { } unknown)
        {
            return $"Unknown PII policy \"{unknown}\".";
        }

        return policies.FirstOrDefault(p => !PiiRedactor.SupportedPolicies.Contains(p)) is { } unsupported
            ? $"The PII policy \"{unsupported}\" is not supported by this server's local engine. Supported policies: {string.Join(", ", PiiRedactor.SupportedPolicies.Order(StringComparer.Ordinal))}."
            : null;
    }

    private static string DescribeJsonError(JsonException ex)
    {
        // ex.Path looks like "$.format_text" or "$.speech_models[0]".
        var field = ex.Path?.TrimStart('$', '.').Split('[', '.')[0];
        if (string.IsNullOrEmpty(field))
        {
            return "Request body must be a JSON object.";
        }

        var property = typeof(TranscriptParams).GetProperties()
            .FirstOrDefault(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name) == field);
        return property is null ? $"{field} has an invalid value." : $"{field} must be {TypeName(property)}";
    }

    private static string TypeName(PropertyInfo property)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return type switch
        {
            _ when type == typeof(bool) => "a Boolean",
            _ when type == typeof(int) => "an Integer",
            _ when type == typeof(double) => "a Number",
            _ when type == typeof(string) => "a String",
            _ when type == typeof(List<string>) => "an Array of Strings",
            _ when type == typeof(JsonArray) => "an Array",
            _ when type == typeof(LanguageDetectionOptions) || type == typeof(SpeakerOptions) => "an Object",
            _ => "of a different type",
        };
    }
}
