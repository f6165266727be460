using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace WebApp.Transcription.Events;

/// <summary>
/// In a cluster (Verbatim:Cluster:Redis): a change leaves through Redis from wherever its job runs, and reaches every
/// web node. Hub clients get it through SignalR's Redis backplane; Blazor pages through a channel that every web node
/// subscribes to (<see cref="RedisTranscriptSubscriber"/>) and hands to its own <see cref="TranscriptNotifier"/>,
/// since a page's circuit lives in one process. Commands leave one connection in the order they were issued, so
/// consecutive changes arrive in order; publishing never waits and never throws.
/// </summary>
public sealed class RedisTranscriptEvents(
    IConnectionMultiplexer redis, IHubContext<TranscriptHub, ITranscriptHubClient> hub, ILogger<RedisTranscriptEvents> logger) : ITranscriptEvents
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("verbatim:transcript-changes");

    public void Publish(TranscriptChange change) => _ = PublishAsync(change);

    private async Task PublishAsync(TranscriptChange change)
    {
        try
        {
            var pages = redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(change, JsonSerializerOptions.Web));
            var hubClients = hub.Clients.Group(TranscriptHub.TeamGroup(change.TeamId)).TranscriptChanged(change);
            await Task.WhenAll(pages, hubClients);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not publish the change of {TranscriptId} to {Status} through Redis", change.TranscriptId, change.Status);
        }
    }
}

/// <summary>On a web node of a cluster: the job events of every worker, handed to this process's Blazor pages.</summary>
public sealed class RedisTranscriptSubscriber(IConnectionMultiplexer redis, TranscriptNotifier notifier, ILogger<RedisTranscriptSubscriber> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The multiplexer subscribes again by itself after a lost connection; only the first subscription can fail
        // (Redis not up yet), so that one is retried.
        ChannelMessageQueue? messages = null;
        while (messages is null)
        {
            try
            {
                messages = await redis.GetSubscriber().SubscribeAsync(RedisTranscriptEvents.Channel);
            }
            catch (RedisException ex)
            {
                logger.LogWarning(ex, "Could not subscribe to job events in Redis; retrying");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }

        try
        {
            // One message at a time, in order: a page must not see "completed" before "processing 90%".
            await foreach (var message in messages.WithCancellation(stoppingToken))
            {
                if (JsonSerializer.Deserialize<TranscriptChange>((string)message.Message!, JsonSerializerOptions.Web) is { } change)
                {
                    await notifier.NotifyAsync(change);
                }
            }
        }
        finally
        {
            await messages.UnsubscribeAsync();
        }
    }
}
