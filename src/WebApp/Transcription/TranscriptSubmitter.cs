using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Regions;
using WebApp.Limits;
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
public sealed class TranscriptSubmitter(
    ApplicationDbContext db, TranscriptOptionsValidator validator, TeamJobAdmission admission, ITranscriptEvents events, IOptions<FetchOptions> fetch, TimeProvider clock)
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

        if (options.Webhook is { } webhook && await WebhookRefusalAsync(new Uri(webhook.Url), cancellationToken) is { } refusal)
        {
            return new SubmitResult(null, StatusCodes.Status400BadRequest, refusal);
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
        }

        // This server's own address never serves audio but its uploads; anything else there is a stale or made-up link.
        if (upload is null && string.Equals(audioUrl.Authority, ownHost, StringComparison.OrdinalIgnoreCase))
        {
            return new SubmitResult(null, StatusCodes.Status400BadRequest, "Upload not found: the upload_url is unknown or its file was deleted.");
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
            Title = CleanTitle(title ?? upload?.FileName ?? (uploadId is null ? Uri.UnescapeDataString(audioUrl.Segments[^1]) : null)),
            OptionsJson = StoredOptions.Write(options),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await admission.AddAsync(db, transcript, cancellationToken);
        // Before the job is queued, so that watchers hear "queued" before the job can say "processing".
        events.Publish(TranscriptChange.Of(transcript));
        await admission.EnqueueIfAdmittedAsync(transcript, cancellationToken);
        return new SubmitResult(transcript, StatusCodes.Status200OK, null);
    }

    /// <summary>The Title column holds 400 characters; a URL's last segment may be longer, or carry %00.</summary>
    private static string? CleanTitle(string? title)
    {
        var cleaned = title is null ? "" : new string(title.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return cleaned.Length == 0 ? null : cleaned[..Math.Min(cleaned.Length, 400)];
    }

    /// <summary>
    /// A webhook to a private address is refused now rather than failing quietly later; the job's sender checks
    /// again on the address it connects to, since DNS may answer differently by then.
    /// </summary>
    private async Task<string?> WebhookRefusalAsync(Uri url, CancellationToken cancellationToken)
    {
        var policy = fetch.Value.Policy;
        if (policy.AllowPrivateAddresses)
        {
            return null;
        }

        try
        {
            await policy.ResolveAsync(url.IdnHost, cancellationToken);
            return null;
        }
        catch (HttpRequestException ex)
        {
            return $"webhook_url cannot be used: {ex.Message} This server sends webhooks to public addresses only.";
        }
    }
}
