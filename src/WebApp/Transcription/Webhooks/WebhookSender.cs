using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebApp.Api.V2;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Infrastructure;
using WebApp.Transcription.Model;

namespace WebApp.Transcription.Webhooks;

/// <summary>
/// POSTs AssemblyAI's {"transcript_id", "status"} to a transcript's webhook_url and records the final answer's status
/// code on the transcript; then, for a transcript with redacted audio, AssemblyAI's second notification,
/// {"status": "redacted_audio_ready", "redacted_audio_url"}. Retries (5xx, 408, 429, network errors, timeouts) come
/// from the "webhooks" HttpClient's resilience pipeline; a 4xx answer stops them, as at AssemblyAI.
/// </summary>
public sealed class WebhookSender(
    IHttpClientFactory clients, ApplicationDbContext db, RedactedAudioStore redactedAudio, RedactedAudioLinks links,
    IOptions<VerbatimOptions> verbatim, IOptions<WebhookOptions> options, ILogger<WebhookSender> logger)
{
    public const string HttpClientName = "webhooks";

    /// <summary>How much of a receiver's answer is read: enough to end a short body cleanly, never a stream.</summary>
    public const int MaxResponseBytes = 4096;

    public async Task SendAsync(Guid transcriptId, CancellationToken cancellationToken)
    {
        var transcript = await db.Transcripts.AsNoTracking().SingleOrDefaultAsync(t => t.Id == transcriptId, cancellationToken);
        var options = transcript is null ? null : StoredOptions.Read(transcript);
        if (transcript is null || options?.Webhook is not { } webhook || transcript.Status is not (TranscriptStatus.Completed or TranscriptStatus.Error))
        {
            return;
        }

        var statusCode = await PostAsync(webhook, new { transcript_id = transcript.Id.ToString(), status = transcript.Status.Name() }, transcriptId, "Webhook", cancellationToken);
        if (RedactedAudioUrl(transcript, options) is { } url)
        {
            // The file is made before the transcript completes, so it is ready as soon as the first notification is sent.
            await PostAsync(webhook, new { status = "redacted_audio_ready", redacted_audio_url = url }, transcriptId, "Redacted-audio webhook", cancellationToken);
        }

        await db.Transcripts.Where(t => t.Id == transcriptId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.WebhookStatusCode, statusCode).SetProperty(t => t.WebhookPending, false), CancellationToken.None);
    }

    /// <summary>A fresh signed link to the transcript's redacted audio, or null when it has none to announce.</summary>
    private string? RedactedAudioUrl(Transcript transcript, TranscriptOptions options)
    {
        if (transcript.Status != TranscriptStatus.Completed || options.Redaction?.Audio is null
            || redactedAudio.Find(transcript.TeamId, transcript.Id) is not { } file)
        {
            return null;
        }

        if ((verbatim.Value.Configured() ?? options.Webhook?.LinkBase) is not { } linkBase)
        {
            // Stored before links were kept with the webhook, on a server without a public URL: there is no address to give.
            logger.LogWarning("Redacted-audio webhook for {TranscriptId} not sent: set {Key} so that links can be built outside a request", transcript.Id, PublicUrl.Key);
            return null;
        }

        return links.UrlFor(linkBase, transcript.Id, file.Format);
    }

    /// <returns>The receiver's final status code, or null when no try got an answer.</returns>
    private async Task<int?> PostAsync(WebhookTarget webhook, object notification, Guid transcriptId, string what, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = JsonContent.Create(notification) };
            // Checked at submission too (WebhookHeader); a value stored before that check must not split the request.
            if (webhook.AuthHeaderName is { } name && WebhookHeader.Problem(name, webhook.AuthHeaderValue) is null)
            {
                request.Headers.TryAddWithoutValidation(name, webhook.AuthHeaderValue);
            }

            // Headers only: the resilience pipeline times each try out; the body is drained below, bounded in size and time.
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var statusCode = (int)response.StatusCode;
            await DrainAsync(response, cancellationToken);
            logger.LogInformation("{What} for {TranscriptId} answered {StatusCode}", what, transcriptId, statusCode);
            return statusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Every try failed without an answer; webhook_status_code stays null, as there was no status to record.
            logger.LogWarning("{What} for {TranscriptId} could not be delivered: {Reason}", what, transcriptId, ex.Message);
            return null;
        }
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
