using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Transcription;

namespace WebApp.Limits;

/// <summary>
/// Per-team concurrency: a team has at most its limit of transcripts in the job queue at once; the rest wait in the
/// database, <c>throttled</c>, and are handed to the queue oldest first as the team's jobs end. The queue itself is
/// first come first served, so a team's burst of a thousand jobs puts only its limit ahead of another team's job.
/// The one place that decides, so that a different scheduler can call the same three methods.
/// </summary>
public sealed class TeamJobAdmission(
    IServiceScopeFactory scopes, TranscriptionQueue queue, TeamLimitLock teamLock, IOptions<LimitsOptions> limits, IOptions<TranscriptionOptions> transcription,
    ILogger<TeamJobAdmission> logger)
{
    public int LimitFor(Guid teamId) => limits.Value.For(teamId).MaxConcurrentJobs ?? transcription.Value.MaxConcurrentJobs;

    /// <summary>
    /// Saves a new, queued <paramref name="transcript"/> through <paramref name="db"/>, throttled when its team is at
    /// its limit, and queues its job otherwise.
    /// </summary>
    public async Task AddAsync(ApplicationDbContext db, Transcript transcript, CancellationToken cancellationToken)
    {
        await teamLock.DecideAsync(db, transcript.TeamId, async () =>
        {
            transcript.Throttled = await AdmittedCountAsync(db, transcript.TeamId, cancellationToken) >= LimitFor(transcript.TeamId);
            db.Transcripts.Add(transcript);
            await db.SaveChangesAsync(cancellationToken);
            return transcript.Throttled;
        }, cancellationToken);
    }

    /// <summary>Queues the job of a transcript just added, unless it was throttled.</summary>
    public async Task EnqueueIfAdmittedAsync(Transcript transcript, CancellationToken cancellationToken)
    {
        if (!transcript.Throttled)
        {
            await queue.EnqueueAsync(transcript.Id, cancellationToken);
        }
    }

    /// <summary>A job of the team ended (or the server started): hands its oldest throttled transcripts to the queue while there is room.</summary>
    public async Task ReleaseAsync(Guid teamId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var admitted = await teamLock.DecideAsync<List<Guid>>(db, teamId, async () =>
        {
            var room = LimitFor(teamId) - await AdmittedCountAsync(db, teamId, cancellationToken);
            if (room <= 0)
            {
                return [];
            }

            var oldest = await db.Transcripts.Where(t => t.TeamId == teamId && t.Throttled && t.Status == TranscriptStatus.Queued && t.DeletedAt == null)
                .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).Select(t => t.Id).Take(room).ToListAsync(cancellationToken);
            await db.Transcripts.Where(t => oldest.Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.Throttled, false), cancellationToken);
            return oldest;
        }, cancellationToken);

        foreach (var id in admitted)
        {
            logger.LogInformation("Transcript {TranscriptId} is no longer throttled", id);
            await queue.EnqueueAsync(id, cancellationToken);
        }
    }

    /// <summary>Teams with throttled transcripts, for start-up: a crash between a job's end and its release leaves them waiting.</summary>
    public async Task ReleaseAllAsync(ApplicationDbContext db, CancellationToken cancellationToken)
    {
        var teams = await db.Transcripts.Where(t => t.Throttled && t.Status == TranscriptStatus.Queued).Select(t => t.TeamId).Distinct().ToListAsync(cancellationToken);
        foreach (var team in teams)
        {
            await ReleaseAsync(team, cancellationToken);
        }
    }

    private static Task<int> AdmittedCountAsync(ApplicationDbContext db, Guid teamId, CancellationToken cancellationToken) =>
        db.Transcripts.CountAsync(t => t.TeamId == teamId && !t.Throttled && t.DeletedAt == null
            && (t.Status == TranscriptStatus.Queued || t.Status == TranscriptStatus.Processing), cancellationToken);
}
