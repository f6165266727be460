using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Infrastructure;
using WebApp.Limits;

namespace WebApp.Transcription;

/// <summary>
/// At start-up, queues again the work that has no job in the store: an unfinished transcript (a crash between saving
/// it and scheduling its job) and an owed webhook (a crash between finishing a transcript and scheduling its webhook).
/// </summary>
public sealed class TranscriptionRecovery(
    IServiceScopeFactory scopes, IOptions<VerbatimOptions> verbatim, IOptions<LimitsOptions> limits, TimeProvider clock, ILogger<TranscriptionRecovery> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        RemoveAbandonedScratch();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var queue = scope.ServiceProvider.GetRequiredService<TranscriptionQueue>();
        var unfinished = await db.Transcripts.AsNoTracking()
            .Where(t => t.DeletedAt == null && !t.Throttled && (t.Status == TranscriptStatus.Queued || t.Status == TranscriptStatus.Processing))
            .Select(t => t.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in unfinished)
        {
            if (!await queue.IsQueuedAsync(id, cancellationToken))
            {
                logger.LogWarning("Transcript {TranscriptId} was unfinished with no job; queueing it again", id);
                await queue.EnqueueAsync(id, cancellationToken);
            }
        }

        // Throttled ones wait for room, which a crash between a job's end and its release may never have made.
        await scope.ServiceProvider.GetRequiredService<TeamJobAdmission>().ReleaseAllAsync(db, cancellationToken);

        var owedWebhooks = await db.Transcripts.AsNoTracking()
            .Where(t => t.WebhookPending && (t.Status == TranscriptStatus.Completed || t.Status == TranscriptStatus.Error))
            .Select(t => t.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in owedWebhooks)
        {
            if (!await queue.IsWebhookQueuedAsync(id, cancellationToken))
            {
                logger.LogWarning("Transcript {TranscriptId} owed a webhook with no job; queueing it", id);
                await queue.EnqueueWebhookAsync(id, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Job folders (downloads) left by a process that was killed: removed once older than the longest a job may run,
    /// so a worker sharing the data directory never loses the folder of a job it is still running.
    /// </summary>
    private void RemoveAbandonedScratch()
    {
        var work = new DirectoryInfo(Path.Combine(verbatim.Value.DataDirectoryFullPath, "work"));
        if (!work.Exists)
        {
            return;
        }

        var settings = limits.Value;
        var longestJob = TimeSpan.FromMinutes(settings.JobTimeoutBaseMinutes) + TimeSpan.FromHours(settings.MaxAudioHours * settings.JobTimeoutFactor);
        foreach (var folder in work.EnumerateDirectories().Where(d => clock.GetUtcNow().UtcDateTime - d.LastWriteTimeUtc > longestJob))
        {
            logger.LogWarning("Removing abandoned job folder {Folder}", folder.Name);
            folder.Delete(recursive: true);
        }
    }
}
