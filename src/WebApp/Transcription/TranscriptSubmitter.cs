using Microsoft.EntityFrameworkCore;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Regions;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;
using WebApp.Transcription.Events;
using WebApp.Transcription.Model;
using WebApp.Uploads;

namespace WebApp.Transcription;

/// <param name="Transcript">The queued transcript, or null when refused.</param>
/// <param name="StatusCode">The HTTP status of a refusal (400, 403).</param>
public sealed record SubmitResult(Transcript? Transcript, int StatusCode, string? Error);

/// <summary>
/// Checks a transcript request and queues it: the one way in for the API and the browser app alike. The audio_url
/// may be one of the team's uploads (another team's is refused) or a URL the job will download.
/// </summary>
public sealed class TranscriptSubmitter(ApplicationDbContext db, TranscriptOptionsValidator validator, TranscriptionQueue queue, ITranscriptEvents events, TimeProvider clock)
{
    /// <param name="ownHost">The host upload URLs are served from, so that a stale upload URL is told from a remote one.</param>
    /// <param name="title">What the browser app shows; defaults to the URL's last segment.</param>
    /// <param name="region">Where it is transcribed, chosen for the team (<see cref="TeamRegions.ChooseAsync"/>).</param>
    /// <param name="apiKeyId">The API key the request came with; null for the browser app.</param>
    public async Task<SubmitResult> SubmitAsync(
        Guid teamId, string userId, TranscriptOptions options, string? ownHost, string? title, Region region, Guid? apiKeyId, CancellationToken cancellationToken)
    {
        if (validator.Validate(options, region.IsRemote) is { } invalid)
        {
            return new SubmitResult(null, StatusCodes.Status400BadRequest, invalid);
        }

        var audioUrl = new Uri(options.AudioUrl);
        Guid? uploadId = null;
        StoredUpload? upload = null;
        if (UploadUrls.TryParse(audioUrl, out var parsedUploadId))
        {
            upload = await db.Uploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == parsedUploadId, cancellationToken);
            if (upload is not null && upload.TeamId != teamId)
            {
                return new SubmitResult(null, StatusCodes.Status403Forbidden, "Cannot access uploaded file");
            }

            uploadId = upload?.Id;
            if (upload is null && string.Equals(audioUrl.Authority, ownHost, StringComparison.OrdinalIgnoreCase))
            {
                return new SubmitResult(null, StatusCodes.Status400BadRequest, "Upload not found: the upload_url is unknown or its file was deleted.");
            }
        }

        var transcript = new Transcript
        {
            Id = Guid.NewGuid(),
            TeamId = teamId,
            UserId = userId,
            ApiKeyId = apiKeyId,
            Status = TranscriptStatus.Queued,
            Region = region.Name,
            AudioUrl = options.AudioUrl,
            UploadId = uploadId,
            Title = title ?? upload?.FileName ?? (uploadId is null ? Uri.UnescapeDataString(audioUrl.Segments[^1]) : null),
            OptionsJson = StoredOptions.Write(options),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Transcripts.Add(transcript);
        await db.SaveChangesAsync(cancellationToken);
        // Before the job is queued, so that watchers hear "queued" before the job can say "processing".
        events.Publish(TranscriptChange.Of(transcript));
        await queue.EnqueueAsync(transcript.Id, cancellationToken);
        return new SubmitResult(transcript, StatusCodes.Status200OK, null);
    }
}
