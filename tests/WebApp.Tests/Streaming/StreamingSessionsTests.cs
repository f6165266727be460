using Microsoft.Extensions.Options;
using StackExchange.Redis;
using WebApp.Streaming;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Streaming;

/// <summary>
/// The live-session limits: a team's across web nodes sharing a real redis-server (two <see cref="StreamingSessions"/>
/// are two nodes), and each node's own. The refusal's close code on the wire is in StreamingSdkTests.
/// </summary>
public sealed class StreamingSessionsTests
{
    private static IOptions<StreamingOptions> Limits(int perTeam, int perServer = 100) =>
        Options.Create(new StreamingOptions { MaxSessionsPerTeam = perTeam, MaxSessions = perServer });

    [Fact]
    public async Task TeamLimit_HoldsAcrossNodes_AndASessionEndingOnOneFreesItsPlaceForTheOther()
    {
        await using var redis = await RedisServer.StartAsync();
        using var connectionA = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        using var connectionB = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        using var nodeA = new StreamingSessions(Limits(perTeam: 2), connectionA);
        using var nodeB = new StreamingSessions(Limits(perTeam: 2), connectionB);
        var (team, otherTeam) = (Guid.NewGuid(), Guid.NewGuid());

        var first = await nodeA.TryOpenAsync(team);
        var second = await nodeB.TryOpenAsync(team);
        var third = await nodeB.TryOpenAsync(team);
        var thirdOnA = await nodeA.TryOpenAsync(team);
        var otherTeams = await nodeA.TryOpenAsync(otherTeam);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Null(third);
        Assert.Null(thirdOnA);
        Assert.NotNull(otherTeams);
        Assert.Equal((2, 1), (nodeA.Open, nodeB.Open));

        await first!.DisposeAsync();
        var afterOneEnded = await nodeB.TryOpenAsync(team);
        Assert.NotNull(afterOneEnded);
        Assert.Equal((1, 2), (nodeA.Open, nodeB.Open));
    }

    [Fact]
    public async Task SessionsOfANodeThatStopped_LapseAfterTheLease_WhileARunningNodesAreRenewed()
    {
        await using var redis = await RedisServer.StartAsync();
        using var connectionA = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        using var connectionB = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var lease = TimeSpan.FromSeconds(1.5);
        var nodeA = new StreamingSessions(Limits(perTeam: 1), connectionA) { Lease = lease };
        using var nodeB = new StreamingSessions(Limits(perTeam: 1), connectionB) { Lease = lease };
        var (stopping, running) = (Guid.NewGuid(), Guid.NewGuid());

        Assert.NotNull(await nodeA.TryOpenAsync(stopping));
        Assert.NotNull(await nodeB.TryOpenAsync(running));
        // Node A goes away without closing its session (it stops renewing, as a killed process would).
        nodeA.Dispose();
        await Task.Delay(lease * 2.5);

        Assert.NotNull(await nodeB.TryOpenAsync(stopping));
        // Node B's own session is still renewed after two and a half leases, so its team is still full.
        Assert.Null(await nodeB.TryOpenAsync(running));
    }

    [Fact]
    public async Task WithoutRedis_TeamAndServerLimitsAreCountedInProcess()
    {
        using var node = new StreamingSessions(Limits(perTeam: 2, perServer: 3));
        var (team, otherTeam) = (Guid.NewGuid(), Guid.NewGuid());

        var opened = new[] { await node.TryOpenAsync(team), await node.TryOpenAsync(team), await node.TryOpenAsync(team) };
        var other = await node.TryOpenAsync(otherTeam);
        var serverFull = await node.TryOpenAsync(Guid.NewGuid());

        Assert.Equal([true, true, false], opened.Select(slot => slot is not null));
        Assert.NotNull(other);
        Assert.Null(serverFull);
        await opened[0]!.DisposeAsync();
        await opened[0]!.DisposeAsync();
        Assert.Equal(2, node.Open);
        Assert.NotNull(await node.TryOpenAsync(team));
    }
}
