using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using WebApp.Transcription.Formatting;
using WebApp.Transcription.Model;
using WebApp.Transcription.Redaction;

namespace WebApp.Api.V2;

/// <summary>
/// Reads and checks the body of POST /v2/transcript (and the browser's equivalent). Wrong types and impossible values answer 400 with a message
/// naming the field, as AssemblyAI does ("format_text must be a Boolean").
/// </summary>
public static class TranscriptRequestReader
{
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

    /// <summary>
    /// AssemblyAI's request in the pipeline's terms. Only what is wrong with the wire format is refused here (an unknown
    /// enum value, a malformed custom_spelling, a feature this server does not have); the values are checked by
    /// <see cref="TranscriptOptionsValidator"/> when the transcript is submitted.
    /// </summary>
    /// <param name="remote">For a remote region: AssemblyAI's hosted features pass on instead of being refused.</param>
    /// <returns>The options, or what is wrong, in words for the caller.</returns>
    public static (TranscriptOptions? Options, string? Error) Translate(TranscriptParams body, bool remote = false)
    {
        if (UnsupportedFeatures.FirstRequested(body, remote) is { } refusal)
        {
            return (null, refusal);
        }

        var (spellings, spellingError) = CustomSpellingReader.Read(body.CustomSpelling);
        if (spellingError is not null)
        {
            return (null, spellingError);
        }

        if (CheckWordBoost(body) is { } boostError)
        {
            return (null, boostError);
        }

        var (redaction, redactionError) = TranslateRedaction(body);
        if (redactionError is not null)
        {
            return (null, redactionError);
        }

        return (new TranscriptOptions
        {
            AudioUrl = body.AudioUrl ?? "",
            SpeechModels = body.SpeechModels ?? (body.SpeechModel is null ? [] : [body.SpeechModel]),
            SingleSpeechModel = body.SpeechModels is null && body.SpeechModel is not null,
            Language = new LanguageOptions(
                body.LanguageCode,
                body.LanguageDetection == true,
                body.LanguageConfidenceThreshold,
                body.LanguageDetectionOptions is { } candidates
                    ? new LanguageCandidates(candidates.ExpectedLanguages, candidates.FallbackLanguage, candidates.CodeSwitching, candidates.CodeSwitchingConfidenceThreshold)
                    : null),
            Formatting = FormattingOptions.FromRequest(body.Punctuate, body.FormatText, body.Disfluencies, body.FilterProfanity, spellings),
            Speakers = new Transcription.Model.SpeakerOptions(
                body.SpeakerLabels == true, body.SpeakersExpected, body.SpeakerOptions?.MinSpeakersExpected, body.SpeakerOptions?.MaxSpeakersExpected),
            Multichannel = body.Multichannel == true,
            AudioStartFrom = body.AudioStartFrom,
            AudioEndAt = body.AudioEndAt,
            Keyterms = [.. (body.KeytermsPrompt ?? []).Concat(body.WordBoost ?? []).Distinct(StringComparer.Ordinal)],
            Redaction = redaction,
            Insights = new InsightOptions(body.EntityDetection == true, body.AutoHighlights == true, body.SentimentAnalysis == true),
            Hosted = new HostedFeatures(
                body.Summarization == true, body.SummaryModel, body.SummaryType, body.AutoChapters == true,
                body.ContentSafety == true, body.ContentSafetyConfidence, body.IabCategories == true, body.Prompt, body.Temperature),
            SpeechThreshold = body.SpeechThreshold,
            Webhook = body.WebhookUrl is null ? null : new WebhookTarget(body.WebhookUrl, body.WebhookAuthHeaderName, body.WebhookAuthHeaderValue),
        }, null);
    }

    /// <summary>
    /// word_boost biases recognition exactly as keyterms_prompt does, so its words join the key terms. Its strength
    /// cannot be chosen: the keyterm bench found the same words recognised at every bias weight it tried, so "low" and
    /// "high" would be accepted and change nothing.
    /// </summary>
    private static string? CheckWordBoost(TranscriptParams body) => body.BoostParam switch
    {
        null => null,
        "default" => body.WordBoost is null ? "boost_param needs word_boost." : null,
        "low" or "high" => $"boost_param \"{body.BoostParam}\" is not supported: this server biases key terms with one strength. Leave boost_param out or send \"default\".",
        _ => "boost_param must be \"low\", \"default\" or \"high\".",
    };

    private static (RedactionOptions? Redaction, string? Error) TranslateRedaction(TranscriptParams body)
    {
        if (!PiiSubstitutionNames.TryParse(body.RedactPiiSub, out var substitution))
        {
            return (null, "redact_pii_sub must be \"hash\" or \"entity_name\".");
        }

        if (RedactedAudioFormat.FromQuality(body.RedactPiiAudioQuality) is null)
        {
            return (null, "redact_pii_audio_quality must be \"mp3\" or \"wav\".");
        }

        if (body.RedactPiiAudioOptions?.OverrideAudioRedactionMethod is { } method && method != "silence")
        {
            return (null, "redact_pii_audio_options.override_audio_redaction_method must be \"silence\" (or left out for a beep).");
        }

        if (body.RedactPiiAudio == true && body.RedactPii != true)
        {
            return (null, "redact_pii_audio needs redact_pii set to true: the audio is redacted where the text is.");
        }

        // Settings of a redaction that was not asked for would be echoed back and do nothing: refused instead.
        if (body.RedactPii != true && (body.RedactPiiPolicies is not null || body.RedactPiiSub is not null))
        {
            return (null, $"{(body.RedactPiiPolicies is not null ? "redact_pii_policies" : "redact_pii_sub")} needs redact_pii set to true.");
        }

        if (body.RedactPiiAudio != true && (body.RedactPiiAudioQuality is not null || body.RedactPiiAudioOptions is not null))
        {
            return (null, $"{(body.RedactPiiAudioQuality is not null ? "redact_pii_audio_quality" : "redact_pii_audio_options")} needs redact_pii_audio set to true.");
        }

        if (body.RedactPii != true)
        {
            return (null, null);
        }

        var audio = body.RedactPiiAudio == true
            ? new RedactedAudioOptions(body.RedactPiiAudioQuality, body.RedactPiiAudioOptions?.OverrideAudioRedactionMethod == "silence",
                body.RedactPiiAudioOptions?.ReturnRedactedNoSpeechAudio)
            : null;
        return (new RedactionOptions(body.RedactPiiPolicies ?? [], body.RedactPiiSub is null ? null : substitution, audio), null);
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
            _ when type == typeof(LanguageDetectionOptions) || type == typeof(SpeakerOptions) || type == typeof(JsonObject) => "an Object",
            _ => "of a different type",
        };
    }
}
