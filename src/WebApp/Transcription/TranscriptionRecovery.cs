using Microsoft.EntityFrameworkCore;
using WebApp.Data;
using WebApp.Data.Entities;

namespace WebApp.Transcription;

/// <summary>
/// At start-up, queues again any unfinished transcript that has no job in the store: the one gap the job store
/// cannot cover is a crash between saving a transcript and scheduling its job.
/// </summary>
public sealed class TranscriptionRecovery(IServiceScopeFactory scopes, ILogger<TranscriptionRecovery> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var queue = scope.ServiceProvider.GetRequiredService<TranscriptionQueue>();
        var unfinished = await db.Transcripts.AsNoTracking()
            .Where(t => t.DeletedAt == null && (t.Status == TranscriptStatus.Queued || t.Status == TranscriptStatus.Processing))
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
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
