using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using WebApp.Accounts;
using WebApp.Data.Entities;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Accounts;

/// <summary>
/// What keeps the API-key cache honest beyond one process (a real redis-server between two nodes) and the SQL it
/// treats as a change. Lookups, revocations, role changes and locks through the cache are in Teams/TeamServicesTests.
/// </summary>
public sealed class ApiKeyCacheTests
{
    private static readonly ActiveApiKey Key = new(new ApiKeyIdentity(Guid.NewGuid(), Guid.NewGuid(), "user", TeamRole.Member), null, null);

    [Fact]
    public async Task Invalidation_OnOneNode_EmptiesTheOtherNodesCache_AndALostRedisTurnsCachingOff()
    {
        var redis = await RedisServer.StartAsync();
        var redisStopped = false;
        try
        {
            using var nodeA = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
            using var nodeB = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
            var cacheA = new ApiKeyCache(TimeProvider.System);
            var cacheB = new ApiKeyCache(TimeProvider.System);
            using var changesA = new RedisApiKeyChanges(nodeA, cacheA, NullLogger<RedisApiKeyChanges>.Instance);
            using var changesB = new RedisApiKeyChanges(nodeB, cacheB, NullLogger<RedisApiKeyChanges>.Instance);
            Assert.False(cacheB.Enabled);
            await changesA.StartAsync(CancellationToken.None);
            await changesB.StartAsync(CancellationToken.None);
            await WaitUntilAsync(() => cacheA.Enabled && cacheB.Enabled);

            cacheB.Store("hash", Key, cacheB.Generation);
            Assert.Same(Key, cacheB.Find("hash"));
            cacheA.Invalidate();
            await WaitUntilAsync(() => cacheB.Find("hash") is null);

            // A node that cannot hear the others must not trust what it kept.
            cacheB.Store("hash", Key, cacheB.Generation);
            Assert.Same(Key, cacheB.Find("hash"));
            await redis.DisposeAsync();
            redisStopped = true;
            await WaitUntilAsync(() => !cacheB.Enabled);
            Assert.Null(cacheB.Find("hash"));
            cacheB.Store("hash", Key, cacheB.Generation);
            Assert.Null(cacheB.Find("hash"));
            await changesA.StopAsync(CancellationToken.None);
            await changesB.StopAsync(CancellationToken.None);
        }
        finally
        {
            if (!redisStopped)
            {
                await redis.DisposeAsync();
            }
        }
    }

    [Fact]
    public void ALookupThatRacedAWrite_IsNotKept()
    {
        var cache = new ApiKeyCache(TimeProvider.System) { Enabled = true };
        var before = cache.Generation;
        cache.Invalidate();
        cache.Store("hash", Key, before);
        Assert.Null(cache.Find("hash"));
        cache.Store("hash", Key, cache.Generation);
        Assert.Same(Key, cache.Find("hash"));
    }

    [Theory]
    [InlineData("SELECT \"a\".\"Id\" FROM \"ApiKeys\" AS \"a\" WHERE \"a\".\"KeyHash\" = @hash", false)]
    [InlineData("SELECT \"t\".\"Id\" FROM \"Transcripts\" AS \"t\"", false)]
    [InlineData("UPDATE \"Transcripts\" SET \"Progress\" = @p", false)]
    [InlineData("UPDATE \"ApiKeys\" AS \"a\" SET \"RevokedAt\" = @now WHERE \"a\".\"Id\" = @id", true)]
    [InlineData("SET IMPLICIT_TRANSACTIONS OFF;\nSET NOCOUNT ON;\nUPDATE [TeamMembers] SET [Role] = @p0", true)]
    [InlineData("UPDATE \"AspNetUsers\" SET \"LockoutEnd\" = @p0 WHERE \"Id\" = @p1 RETURNING 1;", true)]
    [InlineData("DELETE FROM \"Teams\" WHERE \"Id\" = @p0", true)]
    [InlineData("  delete from apikeys", true)]
    public void ChangesKeys_IsEveryWriteThatNamesAKeysTable_AndNoQuery(string sql, bool changes) =>
        Assert.Equal(changes, ApiKeyWritesInterceptor.ChangesKeys(sql));

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(20); !condition(); await Task.Delay(50))
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition was not met in time.");
        }
    }
}
