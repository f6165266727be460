using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Transcription.Model;

namespace WebApp.Transcription.Webhooks;

/// <summary>
/// POSTs AssemblyAI's {"transcript_id", "status"} to a transcript's webhook_url and records the final answer's status
/// code on the transcript. Retries (5xx, 408, 429, network errors, timeouts) come from the "webhooks" HttpClient's
/// resilience pipeline; a 4xx answer stops them, as at AssemblyAI.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, ApplicationDbContext db, IOptions<WebhookOptions> options, ILogger<WebhookSender> logger)
{
    public const string HttpClientName = "webhooks";

    /// <summary>How much of a receiver's answer is read: enough to end a short body cleanly, never a stream.</summary>
    public const int MaxResponseBytes = 4096;

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
            // Checked at submission too (WebhookHeader); a value stored before that check must not split the request.
            if (webhook.AuthHeaderName is { } name && WebhookHeader.Problem(name, webhook.AuthHeaderValue) is null)
            {
                request.Headers.TryAddWithoutValidation(name, webhook.AuthHeaderValue);
            }

            // Headers only: the resilience pipeline times each try out; the body is drained below, bounded in size and time.
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            statusCode = (int)response.StatusCode;
            await DrainAsync(response, cancellationToken);
            logger.LogInformation("Webhook for {TranscriptId} answered {StatusCode}", transcriptId, statusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Every try failed without an answer; webhook_status_code stays null, as there was no status to record.
            logger.LogWarning("Webhook for {TranscriptId} could not be delivered: {Reason}", transcriptId, ex.Message);
        }

        await db.Transcripts.Where(t => t.Id == transcriptId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.WebhookStatusCode, statusCode).SetProperty(t => t.WebhookPending, false), CancellationToken.None);
    }

    /// <summary>Reads at most <see cref="MaxResponseBytes"/> of the answer within one try's timeout; a receiver that streams or stalls is cut off.</summary>
    private async Task DrainAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        var buffer = new byte[1024];
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            for (var read = 0; read < MaxResponseBytes;)
            {
                var count = await body.ReadAsync(buffer, timeout.Token);
                if (count == 0)
                {
                    return;
                }

                read += count;
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The status code is what counts; disposing the response closes the connection on the rest.
        }
    }
}
