using System.Globalization;
using System.Text.Json;
using WebApp.Transcription.Model;

namespace WebApp.Streaming;

public enum StreamingEncoding
{
    PcmS16le,
    PcmMulaw,
}

/// <summary>
/// A session's settings, from AssemblyAI's query parameters on /v3/ws; the turn settings can change later through
/// UpdateConfiguration. Options this server cannot honour are refused (3006), not ignored.
/// </summary>
public sealed record StreamingParameters
{
    public const string DefaultSpeechModel = "universal-streaming-english";

    /// <summary>AssemblyAI's English real-time models; all run on the local live decoder.</summary>
    public static readonly IReadOnlySet<string> EnglishSpeechModels =
        new HashSet<string>(["universal-streaming-english", "u3-rt-pro", "u3-pro", "whisper-rt"]);

    /// <summary>Options AssemblyAI has that this server cannot do when they are turned on, with the reason.</summary>
    private static readonly Dictionary<string, string> Unsupported = new()
    {
        ["speaker_labels"] = "live speaker labels are not available (the Live page's saved transcript gets them afterwards)",
        ["language_detection"] = "the live engine knows English only",
        ["prompt"] = "the live engine takes no prompt; use keyterms_prompt",
        ["agent_context"] = "the live engine takes no prompt",
        ["llm_gateway"] = "there is no LLM gateway on this server",
        ["redact_pii"] = "PII redaction is not applied live",
        ["webhook_url"] = "live sessions send no webhooks",
        ["domain"] = "the live engine has no domain models",
    };

    public int SampleRate { get; init; }

    public StreamingEncoding Encoding { get; init; }

    public string SpeechModel { get; init; } = DefaultSpeechModel;

    public IReadOnlyList<string> Keyterms { get; init; } = [];

    public int? InactivityTimeoutSeconds { get; init; }

    public TurnSettings Turns { get; init; } = new();

    /// <summary>Reads the query; throws <see cref="StreamingSessionException"/> (3006) naming the first bad value.</summary>
    public static StreamingParameters Parse(IQueryCollection query)
    {
        foreach (var (name, reason) in Unsupported)
        {
            var value = query[name].ToString();
            if (value.Length > 0 && !value.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                throw Invalid($"{name} is not supported by this server: {reason}");
            }
        }

        var model = query["speech_model"].ToString();
        if (model.Length > 0 && !EnglishSpeechModels.Contains(model))
        {
            throw Invalid(model == "universal-streaming-multilingual"
                ? "speech_model universal-streaming-multilingual is not available: the live engine knows English only"
                : $"speech_model must be one of {string.Join(", ", EnglishSpeechModels)}");
        }

        var languages = query["language_code"].ToString() + query["language_codes"];
        if (languages.Length > 0 && !languages.Trim('[', ']', '"').Split(',').All(code => code.Trim(' ', '"').StartsWith("en", StringComparison.Ordinal)))
        {
            throw Invalid("the live engine knows English only");
        }

        var sampleRate = Int(query, "sample_rate", 8000, 48000) ?? throw Invalid("sample_rate is required");
        return new StreamingParameters
        {
            SampleRate = sampleRate,
            Encoding = query["encoding"].ToString() switch
            {
                "" or "pcm_s16le" => StreamingEncoding.PcmS16le,
                "pcm_mulaw" => StreamingEncoding.PcmMulaw,
                var other => throw Invalid($"encoding {other} is not supported; use pcm_s16le or pcm_mulaw"),
            },
            SpeechModel = model.Length > 0 ? model : DefaultSpeechModel,
            Keyterms = ReadKeyterms(query["keyterms_prompt"].ToString()),
            InactivityTimeoutSeconds = Int(query, "inactivity_timeout", 5, 3600),
            Turns = new TurnSettings().With(
                Double(query, "end_of_turn_confidence_threshold"),
                Int(query, "min_turn_silence", 0, 10000) ?? Int(query, "min_end_of_turn_silence_when_confident", 0, 10000),
                Int(query, "max_turn_silence", 0, 10000),
                Double(query, "vad_threshold"),
                Bool(query, "format_turns"),
                Bool(query, "filter_profanity")),
        };
    }

    public static StreamingSessionException Invalid(string detail) => new(StreamingCloseCodes.InputValidation, $"Invalid Configuration: {detail}");

    private static IReadOnlyList<string> ReadKeyterms(string json)
    {
        if (json.Length == 0)
        {
            return [];
        }

        string[]? terms;
        try
        {
            terms = JsonSerializer.Deserialize<string[]>(json);
        }
        catch (JsonException)
        {
            throw Invalid("keyterms_prompt must be a JSON array of strings");
        }

        return CheckKeyterms(terms ?? []);
    }

    /// <summary>AssemblyAI's limits on key terms, for the query and for UpdateConfiguration alike.</summary>
    public static IReadOnlyList<string> CheckKeyterms(string[] keyterms) =>
        keyterms.Length > RequestSizeLimits.MaxKeyterms || keyterms.Any(string.IsNullOrWhiteSpace)
            ? throw Invalid($"keyterms_prompt takes at most {RequestSizeLimits.MaxKeyterms} non-empty terms")
            : keyterms;

    private static int? Int(IQueryCollection query, string name, int min, int max)
    {
        var value = query[name].ToString();
        if (value.Length == 0)
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw Invalid($"{name} must be an integer from {min} to {max}");
    }

    private static double? Double(IQueryCollection query, string name)
    {
        var value = query[name].ToString();
        if (value.Length == 0)
        {
            return null;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number is >= 0 and <= 1
            ? number
            : throw Invalid($"{name} must be a number from 0 to 1");
    }

    private static bool? Bool(IQueryCollection query, string name) => query[name].ToString() switch
    {
        "" => null,
        var value when bool.TryParse(value, out var flag) => flag,
        _ => throw Invalid($"{name} must be true or false"),
    };
}

/// <summary>
/// When a turn ends and how it is sent. A turn ends after <see cref="MinTurnSilenceMs"/> of silence once the
/// end-of-turn confidence (here: the silence so far as a share of <see cref="MaxTurnSilenceMs"/>, since the live
/// decoder has no model of what a finished sentence sounds like) reaches <see cref="EndOfTurnConfidenceThreshold"/>,
/// and always after <see cref="MaxTurnSilenceMs"/>. AssemblyAI's defaults.
/// </summary>
public sealed record TurnSettings
{
    public double EndOfTurnConfidenceThreshold { get; init; } = 0.4;

    public int MinTurnSilenceMs { get; init; } = 400;

    public int MaxTurnSilenceMs { get; init; } = 1280;

    /// <summary>0–1: how much louder than the background a 10 ms frame must be to count as speech (0.4 → 12 dB).</summary>
    public double VadThreshold { get; init; } = 0.4;

    public bool FormatTurns { get; init; }

    /// <summary>Masks profanity in formatted turns.</summary>
    public bool FilterProfanity { get; init; }

    public double SpeechMarginDecibels => 4 + 20 * VadThreshold;

    public TurnSettings With(double? threshold, int? minSilence, int? maxSilence, double? vad, bool? formatTurns, bool? filterProfanity) => this with
    {
        EndOfTurnConfidenceThreshold = threshold ?? EndOfTurnConfidenceThreshold,
        MinTurnSilenceMs = minSilence ?? MinTurnSilenceMs,
        MaxTurnSilenceMs = maxSilence ?? MaxTurnSilenceMs,
        VadThreshold = vad ?? VadThreshold,
        FormatTurns = formatTurns ?? FormatTurns,
        FilterProfanity = filterProfanity ?? FilterProfanity,
    };
}
