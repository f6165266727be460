using Microsoft.Extensions.Options;
using StackExchange.Redis;
using WebApp.Cluster;

namespace WebApp.Streaming;

/// <summary>
/// Counts open live sessions, per team and for this server, to refuse one too many with AssemblyAI's 3009. The server
/// limit guards this node's cores, so it is counted here. The team limit is the team's, so in a cluster with Redis it
/// is counted there, for every web node together: each session holds a lease in the team's sorted set, renewed while
/// it runs, so the sessions of a node that dies without closing them lapse within <see cref="Lease"/>.
/// </summary>
public sealed class StreamingSessions(IOptions<StreamingOptions> options, IConnectionMultiplexer? redis = null) : IDisposable
{
    private const string RedisPrefix = "verbatim:streaming-sessions:";

    // Redis's own clock (TIME) decides when a lease lapses, so nodes whose clocks differ still agree.
    private const string OpenScript = """
        local now = redis.call('TIME')
        local nowMs = now[1] * 1000 + math.floor(now[2] / 1000)
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', nowMs)
        if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
        redis.call('ZADD', KEYS[1], nowMs + tonumber(ARGV[2]), ARGV[3])
        redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
        return 1
        """;

    private const string RenewScript = """
        local now = redis.call('TIME')
        local nowMs = now[1] * 1000 + math.floor(now[2] / 1000)
        local renewed = redis.call('ZADD', KEYS[1], 'XX', 'CH', nowMs + tonumber(ARGV[1]), ARGV[2])
        redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1]))
        return renewed
        """;

    private readonly Dictionary<Guid, int> perTeam = [];
    private readonly CancellationTokenSource stopping = new();
    private int total;

    /// <summary>How long a session's lease in Redis lasts without renewal; renewed every third of it.</summary>
    internal TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Sessions open on this server.</summary>
    public int Open
    {
        get
        {
            lock (perTeam)
            {
                return total;
            }
        }
    }

    /// <returns>A slot to dispose when the session ends, or null when the team or this server is at its limit.</returns>
    public async Task<IAsyncDisposable?> TryOpenAsync(Guid teamId)
    {
        lock (perTeam)
        {
            var teamCount = perTeam.GetValueOrDefault(teamId);
            if ((redis is null && teamCount >= options.Value.MaxSessionsPerTeam) || total >= options.Value.SessionLimit)
            {
                return null;
            }

            perTeam[teamId] = teamCount + 1;
            total++;
        }

        if (redis is null)
        {
            return new Slot(this, teamId, null);
        }

        var lease = new RedisLease(redis.GetDatabase(), RedisPrefix + teamId.ToString("N"), Guid.NewGuid().ToString("N"), Lease);
        try
        {
            if (await lease.TryTakeAsync(options.Value.MaxSessionsPerTeam))
            {
                lease.KeepRenewing(stopping.Token);
                return new Slot(this, teamId, lease);
            }
        }
        catch
        {
            Close(teamId);
            throw;
        }

        Close(teamId);
        return null;
    }

    /// <summary>Stops renewing leases at shutdown; sessions still open lapse in Redis rather than being counted forever.</summary>
    public void Dispose()
    {
        stopping.Cancel();
        stopping.Dispose();
    }

    private void Close(Guid teamId)
    {
        lock (perTeam)
        {
            total--;
            if (--perTeam[teamId] == 0)
            {
                perTeam.Remove(teamId);
            }
        }
    }

    private sealed class Slot(StreamingSessions sessions, Guid teamId, RedisLease? lease) : IAsyncDisposable
    {
        private int closed;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref closed, 1) == 0)
            {
                sessions.Close(teamId);
                if (lease is not null)
                {
                    await lease.ReleaseAsync();
                }
            }
        }
    }

    /// <summary>One session's place in its team's sorted set: member = session, score = when the lease lapses.</summary>
    private sealed class RedisLease(IDatabase database, string key, string member, TimeSpan lease)
    {
        private readonly CancellationTokenSource released = new();

        public async Task<bool> TryTakeAsync(int limit) =>
            (long)await database.ScriptEvaluateAsync(OpenScript, [key], [limit, (long)lease.TotalMilliseconds, member]) == 1;

        public void KeepRenewing(CancellationToken shutdown) => _ = RenewAsync(CancellationTokenSource.CreateLinkedTokenSource(released.Token, shutdown));

        public async Task ReleaseAsync()
        {
            await released.CancelAsync();
            await database.SortedSetRemoveAsync(key, member);
        }

        private async Task RenewAsync(CancellationTokenSource stop)
        {
            using (stop)
            {
                using var timer = new PeriodicTimer(lease / 3);
                try
                {
                    while (await timer.WaitForNextTickAsync(stop.Token))
                    {
                        try
                        {
                            await database.ScriptEvaluateAsync(RenewScript, [key], [(long)lease.TotalMilliseconds, member]);
                        }
                        catch (Exception unreachable) when (unreachable.IsRedisOutage())
                        {
                            // Redis away for a moment: the next tick tries again, well before the lease lapses.
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                }
            }
        }
    }
}
