using Microsoft.EntityFrameworkCore;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Infrastructure;
using WebApp.Transcription.Engines.Remote;
using WebApp.Transcription.Model;
using WebApp.Uploads;

namespace WebApp.Transcription;

public enum DeleteOutcome
{
    Deleted,
    NotFound,
    StillProcessing,

    /// <summary>A remote region could not delete its copy; nothing was deleted here, so it can be tried again.</summary>
    UpstreamFailed,
}

/// <param name="Transcript">The transcript as it is after deletion; null when not found.</param>
/// <param name="Error">Why a remote region's copy could not be deleted.</param>
public sealed record DeleteResult(DeleteOutcome Outcome, Transcript? Transcript, string? Error = null)
{
    public const string StillProcessingMessage = "Transcript is still being processed; it can be deleted once it has completed or failed.";
}

/// <summary>
/// Deletes a transcript as AssemblyAI does, for DELETE /v2/transcript/{id} and the browser's library alike: the row
/// stays (so the id still answers), its text becomes "Deleted by user.", its words go, and the uploaded file is
/// removed at once, as is the redacted audio (whose links then stop working). A transcript made in a remote region is
/// deleted there first.
/// </summary>
public sealed class TranscriptDeleter(ApplicationDbContext db, UploadStore uploads, RedactedAudioStore redactedAudio, RemoteRegionRunner remote, TimeProvider clock)
{
    /// <summary>What AssemblyAI puts in place of a deleted transcript's audio_url.</summary>
    public const string DeletedAudioUrl = "http://deleted_by_user";

    public async Task<DeleteResult> DeleteAsync(Guid teamId, Guid transcriptId, CancellationToken cancellationToken)
    {
        var transcript = await db.Transcripts.SingleOrDefaultAsync(t => t.Id == transcriptId && t.TeamId == teamId, cancellationToken);
        if (transcript is null)
        {
            return new DeleteResult(DeleteOutcome.NotFound, null);
        }

        // The job would write its result over the deletion.
        if (transcript.Status is TranscriptStatus.Queued or TranscriptStatus.Processing)
        {
            return new DeleteResult(DeleteOutcome.StillProcessing, transcript);
        }

        try
        {
            await remote.DeleteAsync(transcript, cancellationToken);
        }
        catch (RegionFailedException ex)
        {
            return new DeleteResult(DeleteOutcome.UpstreamFailed, transcript, ex.Message);
        }

        transcript.Text = "Deleted by user.";
        transcript.WordsJson = null;
        transcript.InsightsJson = null;
        transcript.Confidence = null;
        transcript.AudioUrl = DeletedAudioUrl;
        // Nothing the user gave is kept: options (key terms, webhook secret), title, names, and an error that may quote the URL.
        transcript.OptionsJson = StoredOptions.Write(new TranscriptOptions { AudioUrl = DeletedAudioUrl });
        transcript.Title = null;
        transcript.SpeakerNamesJson = null;
        transcript.Error = transcript.Error is null ? null : "Deleted by user.";
        transcript.DeletedAt ??= clock.GetUtcNow().UtcDateTime;
        if (transcript.UploadId is { } uploadId)
        {
            transcript.UploadId = null;
            // The same upload_url may feed several transcripts; the file goes with the last of them.
            if (!await db.Transcripts.AnyAsync(t => t.UploadId == uploadId && t.Id != transcript.Id, cancellationToken))
            {
                uploads.Delete(transcript.TeamId, uploadId);
                await db.Uploads.Where(u => u.Id == uploadId && u.TeamId == transcript.TeamId).ExecuteDeleteAsync(cancellationToken);
            }
        }

        redactedAudio.Delete(transcript.TeamId, transcript.Id);
        await db.SaveChangesAsync(cancellationToken);
        return new DeleteResult(DeleteOutcome.Deleted, transcript);
    }
}
