using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Options;

namespace WebApp.Transcription.Events;

/// <summary>
/// On a worker process: forwards changes, in order, to the web process's <see cref="TranscriptHub"/> as a SignalR
/// client authenticated by the events secret. Publishing only queues; a background loop sends, and keeps retrying
/// while the web process is unreachable, so jobs never wait on it.
/// </summary>
public sealed class RemoteTranscriptEvents(IOptions<EventsOptions> options, ILogger<RemoteTranscriptEvents> logger) : BackgroundService, ITranscriptEvents
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    // Bounded, dropping the oldest: after a long outage the latest state of each transcript is what matters.
    private readonly Channel<TranscriptChange> pending = Channel.CreateBounded<TranscriptChange>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Publish(TranscriptChange change) => pending.Writer.TryWrite(change);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await using var connection = new HubConnectionBuilder()
            .WithUrl(settings.HubUrl!, http => http.AccessTokenProvider = () => Task.FromResult(settings.Secret))
            .WithAutomaticReconnect(new RetryForever())
            .Build();

        await foreach (var change in pending.Reader.ReadAllAsync(stoppingToken))
        {
            await SendAsync(connection, change, stoppingToken);
        }
    }

    private async Task SendAsync(HubConnection connection, TranscriptChange change, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (connection.State == HubConnectionState.Disconnected)
                {
                    await connection.StartAsync(stoppingToken);
                }

                await connection.InvokeAsync(nameof(TranscriptHub.Publish), change, stoppingToken);
                if (attempt > 1)
                {
                    logger.LogInformation("Reached the events hub again at {HubUrl}", options.Value.HubUrl);
                }

                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                if (attempt == 1)
                {
                    logger.LogWarning(ex, "Could not send the change of {TranscriptId} to the events hub at {HubUrl}; retrying", change.TranscriptId, options.Value.HubUrl);
                }

                await Task.Delay(RetryDelay(attempt), stoppingToken);
            }
        }
    }

    private static TimeSpan RetryDelay(int attempt) => TimeSpan.FromSeconds(Math.Min(Math.Pow(2, attempt - 1), MaxRetryDelay.TotalSeconds));

    private sealed class RetryForever : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext context) => RetryDelay((int)Math.Min(context.PreviousRetryCount + 1, 10));
    }
}
