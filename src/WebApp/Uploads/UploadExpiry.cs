using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebApp.Data;
using WebApp.Limits;

namespace WebApp.Uploads;

/// <summary>
/// Deletes uploads no transcript uses once they are older than Verbatim:Limits:UploadRetentionHours, as AssemblyAI
/// keeps uploads for a limited time. An upload a transcript still uses (queued, processing, or played in the reader)
/// stays until that transcript is deleted (<see cref="Transcription.TranscriptDeleter"/>).
/// </summary>
public sealed class UploadExpiry(IServiceScopeFactory scopes, UploadStore store, IOptions<LimitsOptions> limits, TimeProvider clock, ILogger<UploadExpiry> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval(), clock);
        do
        {
            try
            {
                await RemoveExpiredAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Removing expired uploads failed; trying again later");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> RemoveExpiredAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var cutoff = clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(limits.Value.UploadRetentionHours);
        var expired = await db.Uploads.Where(u => u.CreatedAt < cutoff && !db.Transcripts.Any(t => t.UploadId == u.Id))
            .Select(u => new { u.Id, u.TeamId }).Take(1000).ToListAsync(cancellationToken);
        foreach (var upload in expired)
        {
            // The row first: a transcript submitted meanwhile then finds no upload, rather than a row without its file.
            if (await db.Uploads.Where(u => u.Id == upload.Id && !db.Transcripts.Any(t => t.UploadId == u.Id)).ExecuteDeleteAsync(cancellationToken) == 1)
            {
                store.Delete(upload.TeamId, upload.Id);
            }
        }

        if (expired.Count > 0)
        {
            logger.LogInformation("Removed {Count} expired uploads", expired.Count);
        }

        return expired.Count;
    }

    // Often enough that an upload outlives its retention by a small fraction of it.
    private TimeSpan Interval() => TimeSpan.FromMinutes(Math.Clamp(limits.Value.UploadRetentionHours * 60 / 10, 0.5, 30));
}
