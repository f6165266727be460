using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using StackExchange.Redis;

namespace WebApp.Streaming;

/// <summary>Who a live session acts for, and the longest it may last.</summary>
/// <param name="RecordingId">Set by the Live page: the session's audio is kept (<see cref="LiveRecordings"/>).</param>
public sealed record StreamingGrant(Guid TeamId, string UserId, int MaxSessionSeconds, Guid? RecordingId = null)
{
    /// <summary>Where the session runs: "local", or a remote region whose upstream minted the token.</summary>
    public string Region { get; init; } = WebApp.Regions.RegionsOptions.Local;
}

/// <summary>
/// Temporary tokens for /v3/ws (AssemblyAI's <c>GET /v3/token</c>): random, single use, redeemable only until they
/// expire, bound to the team of the key that made them. Only their SHA-256 is held: in Redis when the cluster has one
/// (a token made on one web node opens a session on another, and is taken out atomically so it works once in the
/// whole cluster), otherwise in this process's memory, where a restart ends unused tokens (they live minutes anyway).
/// </summary>
public sealed class StreamingTokens(TimeProvider clock, IConnectionMultiplexer? redis = null)
{
    private const string RedisPrefix = "verbatim:streaming-token:";

    /// <summary>How long an expired token is still recognised, to answer "Token expired" rather than "Invalid token".</summary>
    private static readonly TimeSpan RememberExpired = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, Entry> tokens = new();

    public async Task<string> IssueAsync(StreamingGrant grant, TimeSpan lifetime)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await StoreAsync(token, grant, lifetime);
        return token;
    }

    /// <summary>
    /// Remembers a token a remote region's upstream minted (relayed by <c>/&lt;region&gt;/v3/token</c>), so that only
    /// tokens minted through this server, for a team that may use the region, open a relayed session.
    /// </summary>
    public Task RegisterAsync(string upstreamToken, StreamingGrant grant, TimeSpan lifetime) => StoreAsync(upstreamToken, grant, lifetime);

    private async Task StoreAsync(string token, StreamingGrant grant, TimeSpan lifetime)
    {
        var entry = new Entry(grant, clock.GetUtcNow() + lifetime);
        if (redis is null)
        {
            RemoveExpired();
            tokens[Hash(token)] = entry;
        }
        else
        {
            await redis.GetDatabase().StringSetAsync(RedisPrefix + Hash(token), JsonSerializer.Serialize(entry), lifetime + RememberExpired);
        }
    }

    /// <summary>Takes the token out (single use) and returns its grant, or why it cannot be used.</summary>
    public async Task<(StreamingGrant? Grant, string? Problem)> RedeemAsync(string token)
    {
        Entry? entry;
        if (redis is null)
        {
            entry = tokens.TryRemove(Hash(token), out var held) ? held : null;
        }
        else
        {
            var stored = await redis.GetDatabase().StringGetDeleteAsync(RedisPrefix + Hash(token));
            entry = stored.IsNull ? null : JsonSerializer.Deserialize<Entry>(stored.ToString());
        }

        return entry is null ? (null, "Invalid token")
            : entry.ExpiresAt < clock.GetUtcNow() ? (null, "Token expired")
            : (entry.Grant, null);
    }

    private void RemoveExpired()
    {
        var now = clock.GetUtcNow();
        foreach (var (hash, entry) in tokens)
        {
            if (entry.ExpiresAt < now - RememberExpired)
            {
                tokens.TryRemove(hash, out _);
            }
        }
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private sealed record Entry(StreamingGrant Grant, DateTimeOffset ExpiresAt);
}
