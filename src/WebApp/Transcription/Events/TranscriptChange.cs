using System.Text.Json;
using System.Text.Json.Serialization;
using WebApp.Data.Entities;

namespace WebApp.Transcription.Events;

/// <summary>
/// A transcript's status or progress as it just changed: what the job publishes and what the browser shows live.
/// Sent to hub clients as JSON with the status in the API's words ("queued", "processing", "completed", "error").
/// </summary>
/// <param name="Progress">0–100 while processing (10% steps), 100 once completed.</param>
/// <param name="Error">Why it failed, for the person who sent it; only with <see cref="TranscriptStatus.Error"/>.</param>
public sealed record TranscriptChange(
    Guid TranscriptId,
    Guid TeamId,
    [property: JsonConverter(typeof(StatusNameConverter))] TranscriptStatus Status,
    int Progress,
    string? Title,
    string? Error)
{
    public static TranscriptChange Of(Transcript transcript) =>
        new(transcript.Id, transcript.TeamId, transcript.Status, transcript.Progress, transcript.Title, transcript.Error);

    public bool IsFinished => Status is TranscriptStatus.Completed or TranscriptStatus.Error;

    /// <summary>
    /// Whether this change moves a transcript on from what is shown. Progress is saved and sent off the job's main
    /// path, so a late "processing 90%" can arrive after "completed"; it must not move the screen backwards.
    /// </summary>
    public bool Advances(TranscriptStatus shownStatus, int shownProgress) => shownStatus switch
    {
        TranscriptStatus.Completed or TranscriptStatus.Error => false,
        TranscriptStatus.Processing => Status != TranscriptStatus.Queued && (Status != TranscriptStatus.Processing || Progress >= shownProgress),
        _ => true,
    };
}

/// <summary>Statuses in the API's words, as AssemblyAI writes them.</summary>
internal sealed class StatusNameConverter() : JsonStringEnumConverter<TranscriptStatus>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false);
