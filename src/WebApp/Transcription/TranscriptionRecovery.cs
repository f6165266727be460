using Microsoft.EntityFrameworkCore;
using WebApp.Data;
using WebApp.Data.Entities;

namespace WebApp.Transcription;

/// <summary>
/// At start-up, queues again the work that has no job in the store: an unfinished transcript (a crash between saving
/// it and scheduling its job) and an owed webhook (a crash between finishing a transcript and scheduling its webhook).
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
}
