using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using WebApp.Data.Entities;
using WebApp.Tests.Infrastructure;
using WebApp.Transcription.Events;

namespace WebApp.Tests.Transcription.Events;

/// <summary>
/// The Blazor half of live status in a cluster, through a real redis-server: what a worker publishes reaches the
/// pages of a web node (its <see cref="TranscriptNotifier"/>), in order and only for the transcript's team.
/// </summary>
public sealed class RedisTranscriptEventsTests : IAsyncLifetime
{
    private RedisServer? redis;

    public async Task InitializeAsync() => redis = await RedisServer.StartAsync();

    [Fact]
    public async Task ChangesPublishedOnAWorker_ReachTheWebNodesPages_InOrder()
    {
        await using var workerRedis = await ConnectionMultiplexer.ConnectAsync(redis!.ConnectionString);
        await using var webRedis = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        await using var workerServices = new ServiceCollection().AddLogging().AddSignalR().AddStackExchangeRedis(redis.ConnectionString).Services.BuildServiceProvider();
        var events = new RedisTranscriptEvents(
            workerRedis, workerServices.GetRequiredService<IHubContext<TranscriptHub, ITranscriptHubClient>>(), NullLogger<RedisTranscriptEvents>.Instance);

        var notifier = new TranscriptNotifier(NullLogger<TranscriptNotifier>.Instance);
        var team = Guid.NewGuid();
        var seen = new ConcurrentQueue<TranscriptChange>();
        using var page = notifier.Subscribe(team, change =>
        {
            seen.Enqueue(change);
            return Task.CompletedTask;
        });
        var subscriber = new RedisTranscriptSubscriber(webRedis, notifier, NullLogger<RedisTranscriptSubscriber>.Instance);
        await subscriber.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => webRedis.GetServer(webRedis.GetEndPoints()[0]).SubscriptionSubscriberCount(RedisTranscriptEvents.Channel) >= 1);

        var id = Guid.NewGuid();
        events.Publish(new TranscriptChange(Guid.NewGuid(), Guid.NewGuid(), TranscriptStatus.Completed, 100, "another team's", null));
        events.Publish(new TranscriptChange(id, team, TranscriptStatus.Queued, 0, "call.mp3", null));
        for (var progress = 10; progress <= 90; progress += 10)
        {
            events.Publish(new TranscriptChange(id, team, TranscriptStatus.Processing, progress, "call.mp3", null));
        }

        events.Publish(new TranscriptChange(id, team, TranscriptStatus.Completed, 100, "call.mp3", null));
        await WaitUntilAsync(() => seen.Any(c => c.Status == TranscriptStatus.Completed));
        await subscriber.StopAsync(CancellationToken.None);

        Assert.All(seen, change => Assert.Equal(id, change.TranscriptId));
        Assert.Equal(
            ["queued:0", .. Enumerable.Range(1, 9).Select(i => $"processing:{i * 10}"), "completed:100"],
            seen.Select(c => $"{c.Status.ToString().ToLowerInvariant()}:{c.Progress}"));
        Assert.Equal("call.mp3", seen.Last().Title);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(20); !condition(); await Task.Delay(50))
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
        }
    }

    public async Task DisposeAsync()
    {
        if (redis is not null)
        {
            await redis.DisposeAsync();
        }
    }
}
