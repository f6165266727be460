using Microsoft.EntityFrameworkCore;
using WebApp.Data;
using WebApp.Data.Entities;

namespace WebApp.Usage;

/// <summary>
/// Counts a job when it ends, from the transcript as it is about to be stored. The row is added to the same save that
/// finishes the transcript, so a crash before that save counts nothing (the job runs again and is counted then) and a
/// crash after it leaves a finished transcript, which a re-run leaves alone; the transcript id as key stops the rest.
/// </summary>
public static class UsageCounter
{
    /// <summary>Adds the finished job's usage to <paramref name="db"/>; the caller saves it with the transcript.</summary>
    public static async Task CountAsync(ApplicationDbContext db, Transcript transcript, CancellationToken cancellationToken)
    {
        if (transcript.Status is not (TranscriptStatus.Completed or TranscriptStatus.Error) || transcript.CompletedAt is not { } endedAt)
        {
            throw new InvalidOperationException($"Transcript {transcript.Id} has not ended; only ended jobs are counted.");
        }

        if (db.UsageRecords.Local.Any(u => u.TranscriptId == transcript.Id)
            || await db.UsageRecords.AnyAsync(u => u.TranscriptId == transcript.Id, cancellationToken))
        {
            return;
        }

        var failed = transcript.Status == TranscriptStatus.Error;
        db.UsageRecords.Add(new UsageRecord
        {
            TranscriptId = transcript.Id,
            TeamId = transcript.TeamId,
            UserId = transcript.UserId,
            ApiKeyId = transcript.ApiKeyId,
            Day = DateOnly.FromDateTime(endedAt),
            EndedAt = endedAt,
            AudioSeconds = failed ? 0 : transcript.AudioDurationSeconds ?? 0,
            Failed = failed,
        });
    }
}
