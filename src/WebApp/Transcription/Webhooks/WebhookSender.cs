using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Transcription.Model;

namespace WebApp.Transcription.Webhooks;

/// <summary>
/// POSTs AssemblyAI's {"transcript_id", "status"} to a transcript's webhook_url and records the final answer's status
/// code on the transcript. Retries (5xx, 408, 429, network errors, timeouts) come from the "webhooks" HttpClient's
/// resilience pipeline; a 4xx answer stops them, as at AssemblyAI.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, ApplicationDbContext db, ILogger<WebhookSender> logger)
{
    public const string HttpClientName = "webhooks";

    public async Task SendAsync(Guid transcriptId, CancellationToken cancellationToken)
    {
        var transcript = await db.Transcripts.AsNoTracking().SingleOrDefaultAsync(t => t.Id == transcriptId, cancellationToken);
        var webhook = transcript is null ? null : StoredOptions.Read(transcript).Webhook;
        if (transcript is null || webhook is null || transcript.Status is not (TranscriptStatus.Completed or TranscriptStatus.Error))
        {
            return;
        }

        int? statusCode = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
            {
                Content = JsonContent.Create(new { transcript_id = transcript.Id.ToString(), status = transcript.Status.Name() }),
            };
            if (webhook.AuthHeaderName is { } name)
            {
                request.Headers.TryAddWithoutValidation(name, webhook.AuthHeaderValue);
            }

            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            statusCode = (int)response.StatusCode;
            logger.LogInformation("Webhook for {TranscriptId} answered {StatusCode}", transcriptId, statusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException)
        {
            // Every try failed without an answer; webhook_status_code stays null, as there was no status to record.
            logger.LogWarning("Webhook for {TranscriptId} could not be delivered: {Reason}", transcriptId, ex.Message);
        }

        await db.Transcripts.Where(t => t.Id == transcriptId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.WebhookStatusCode, statusCode).SetProperty(t => t.WebhookPending, false), CancellationToken.None);
    }
}
