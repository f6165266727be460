using StackExchange.Redis;

namespace WebApp.Accounts;

/// <summary>
/// In a cluster (Verbatim:Cluster:Redis): an invalidation of the API-key cache on one node reaches every other node
/// through a Redis channel. The cache is used only while this node is subscribed: while Redis is unreachable another
/// node's revocation could not arrive, so every request then asks the database, as without a cache.
/// </summary>
public sealed class RedisApiKeyChanges(IConnectionMultiplexer redis, ApiKeyCache cache, ILogger<RedisApiKeyChanges> logger) : BackgroundService
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("verbatim:api-key-changes");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        cache.Invalidated += Publish;
        redis.ConnectionFailed += (_, _) => cache.Enabled = false;
        // Whatever was published while the connection was down is lost: start again from an empty cache.
        redis.ConnectionRestored += (_, _) => cache.Enabled = redis.IsConnected;
        ChannelMessageQueue? messages = null;
        while (messages is null)
        {
            try
            {
                messages = await redis.GetSubscriber().SubscribeAsync(Channel);
            }
            catch (RedisException ex)
            {
                logger.LogWarning(ex, "Could not subscribe to API-key changes in Redis; retrying");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }

        messages.OnMessage(_ => cache.InvalidateHere());
        cache.Enabled = redis.IsConnected;
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            cache.Enabled = false;
            cache.Invalidated -= Publish;
            await messages.UnsubscribeAsync();
        }
    }

    private void Publish()
    {
        try
        {
            // Fire and forget never waits for Redis; if the message is lost with the connection, the other nodes
            // turn their caches off until it is back (ConnectionFailed above).
            redis.GetSubscriber().Publish(Channel, "changed", CommandFlags.FireAndForget);
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "Could not publish an API-key change through Redis");
        }
    }
}
