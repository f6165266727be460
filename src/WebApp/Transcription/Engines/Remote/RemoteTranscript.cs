using WebApp.Transcription.Insights;
using WebApp.Transcription.Model;

namespace WebApp.Transcription.Engines.Remote;

/// <summary>A transcript as a remote region reports it, in the pipeline's terms.</summary>
/// <param name="Status">"queued", "processing", "completed" or "error", as AssemblyAI names them.</param>
public sealed record RemoteTranscript(string Id, string Status)
{
    public string? Error { get; init; }

    public string? Text { get; init; }

    public IReadOnlyList<Word> Words { get; init; } = [];

    public double? Confidence { get; init; }

    public double? AudioDurationSeconds { get; init; }

    public int? AudioChannels { get; init; }

    public string? LanguageCode { get; init; }

    public double? LanguageConfidence { get; init; }

    public string? SpeechModelUsed { get; init; }

    /// <summary>Entities, highlights, sentiments and the hosted models' results; null when none was asked for.</summary>
    public TranscriptInsights? Insights { get; init; }
}

/// <summary>
/// AssemblyAI's wire format for the calls a remote region's job makes. Implemented by the API's translation code
/// (Api/V2), so the pipeline never imports the wire types.
/// </summary>
public interface IRemoteWireFormat
{
    /// <summary>The body of POST /v2/transcript for these options.</summary>
    /// <param name="webhook">Where the upstream should say it finished, with the header that proves it is the upstream; null to poll only.</param>
    string TranscriptRequest(TranscriptOptions options, string audioUrl, UpstreamWebhook? webhook);

    /// <exception cref="FormatException">The body is not AssemblyAI's Transcript.</exception>
    RemoteTranscript ReadTranscript(string json);

    /// <summary>upload_url from POST /v2/upload's answer.</summary>
    /// <exception cref="FormatException">The body has none.</exception>
    string ReadUploadUrl(string json);
}

/// <param name="Url">Our endpoint for this transcript.</param>
/// <param name="HeaderName">Sent back by the upstream with <paramref name="HeaderValue"/>.</param>
public sealed record UpstreamWebhook(string Url, string HeaderName, string HeaderValue);
