using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Infrastructure;
using WebApp.Limits;

namespace WebApp.Uploads;

/// <param name="Upload">The stored upload, or null when refused.</param>
/// <param name="StatusCode">The HTTP status of a refusal (400 empty, 413 too large).</param>
/// <param name="Error">Why it was refused, in words for the person uploading.</param>
public sealed record ReceivedUpload(StoredUpload? Upload, int StatusCode, string? Error);

/// <summary>
/// Streams a request's body into the <see cref="UploadStore"/> and records it: the one way in for files, shared by
/// POST /v2/upload (API keys) and POST /app/uploads (the browser). The body is never held in memory, so hundreds of
/// megabytes cost a 64 KB buffer; the size limit is enforced while it streams.
/// </summary>
public sealed class UploadReceiver(
    UploadStore store, ApplicationDbContext db, TeamLimitLock teamLock, IOptions<UploadOptions> options, IOptions<LimitsOptions> limits, TimeProvider clock,
    ILogger<UploadReceiver> logger)
{
    private const int MaxFileNameLength = 400;

    public long MaxBytes => options.Value.MaxBytes;

    public async Task<ReceivedUpload> ReceiveAsync(HttpContext http, Guid teamId, string? userId, string? fileName)
    {
        var maxBytes = MaxBytes;
        if (http.Request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        // The quota is checked before the body streams (to refuse early), while it streams (to stop early), and as the
        // upload is recorded, under the team's lock, so uploads arriving together cannot pass it between them.
        var quota = limits.Value.For(teamId).StorageQuotaBytes;
        var room = quota is { } bytes ? bytes - await UsedBytesAsync(teamId, http.RequestAborted) : long.MaxValue;
        if (http.Request.ContentLength > room || room <= 0)
        {
            return QuotaExceeded(quota!.Value);
        }

        // The store enforces our limit while it streams.
        StreamedBody.LiftServerLimit(http);

        var uploadId = Guid.NewGuid();
        var size = await store.SaveAsync(teamId, uploadId, http.Request.Body, Math.Min(maxBytes, room), http.RequestAborted);
        if (size is null)
        {
            return room < maxBytes ? QuotaExceeded(quota!.Value) : TooLarge(maxBytes);
        }

        if (size == 0)
        {
            store.Delete(teamId, uploadId);
            return new ReceivedUpload(null, StatusCodes.Status400BadRequest, "The uploaded file is empty.");
        }

        var upload = new StoredUpload
        {
            Id = uploadId,
            TeamId = teamId,
            UserId = userId,
            SizeBytes = size.Value,
            FileName = CleanFileName(fileName),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        if (!await RecordAsync(upload, quota, http.RequestAborted))
        {
            store.Delete(teamId, uploadId);
            return QuotaExceeded(quota!.Value);
        }

        logger.LogInformation("Stored upload {UploadId} ({Bytes} bytes) for team {TeamId}", uploadId, size, teamId);
        return new ReceivedUpload(upload, StatusCodes.Status200OK, null);
    }

    /// <summary>Saves the upload's row, unless the team's uploads with it would be more than <paramref name="quota"/>.</summary>
    private async Task<bool> RecordAsync(StoredUpload upload, long? quota, CancellationToken cancellationToken)
    {
        async Task<bool> SaveWithinQuotaAsync()
        {
            if (quota is { } bytes && await UsedBytesAsync(upload.TeamId, cancellationToken) + upload.SizeBytes > bytes)
            {
                return false;
            }

            db.Uploads.Add(upload);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }

        // Only a quota needs the count and the save to be one decision.
        return quota is null ? await SaveWithinQuotaAsync() : await teamLock.DecideAsync(db, upload.TeamId, SaveWithinQuotaAsync, cancellationToken);
    }

    private Task<long> UsedBytesAsync(Guid teamId, CancellationToken cancellationToken) =>
        db.Uploads.Where(u => u.TeamId == teamId).SumAsync(u => u.SizeBytes, cancellationToken);

    /// <summary>"420 MB": what people read in limits and file lists.</summary>
    public static string FormatSize(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.#} GB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MB",
        >= 1L << 10 => $"{bytes / (double)(1L << 10):0.#} KB",
        _ => $"{bytes} bytes",
    };

    public static string TooLargeMessage(long maxBytes) => $"File is too large: the limit is {maxBytes} bytes ({FormatSize(maxBytes)}).";

    private static ReceivedUpload TooLarge(long maxBytes) => new(null, StatusCodes.Status413PayloadTooLarge, TooLargeMessage(maxBytes));

    private static ReceivedUpload QuotaExceeded(long quota) => new(null, StatusCodes.Status507InsufficientStorage,
        $"Storage quota exceeded: your team's uploads may take {FormatSize(quota)} in all. Delete transcripts you no longer need, or ask the server's administrator for more.");

    // The name is only ever shown (as the transcript's title), never used as a path; still, keep it to a name.
    private static string? CleanFileName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return null;
        }

        var name = new string(Path.GetFileName(fileName.Replace('\\', '/')).Where(c => !char.IsControl(c)).ToArray()).Trim();
        return name.Length == 0 ? null : name[..Math.Min(name.Length, MaxFileNameLength)];
    }
}
