using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

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
/// expire, bound to the team of the key that made them. Only their SHA-256 is held, in memory: a restart ends unused
/// tokens, which live a few minutes at most anyway.
/// </summary>
public sealed class StreamingTokens(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (StreamingGrant Grant, DateTimeOffset ExpiresAt)> tokens = new();

    public string Issue(StreamingGrant grant, TimeSpan lifetime)
    {
        RemoveExpired();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        tokens[Hash(token)] = (grant, clock.GetUtcNow() + lifetime);
        return token;
    }

    /// <summary>
    /// Remembers a token a remote region's upstream minted (relayed by <c>/&lt;region&gt;/v3/token</c>), so that only
    /// tokens minted through this server, for a team that may use the region, open a relayed session.
    /// </summary>
    public void Register(string upstreamToken, StreamingGrant grant, TimeSpan lifetime)
    {
        RemoveExpired();
        tokens[Hash(upstreamToken)] = (grant, clock.GetUtcNow() + lifetime);
    }

    /// <summary>Takes the token out (single use) and returns its grant, or why it cannot be used.</summary>
    public (StreamingGrant? Grant, string? Problem) Redeem(string token)
    {
        if (!tokens.TryRemove(Hash(token), out var entry))
        {
            return (null, "Invalid token");
        }

        return entry.ExpiresAt < clock.GetUtcNow() ? (null, "Token expired") : (entry.Grant, null);
    }

    private void RemoveExpired()
    {
        var now = clock.GetUtcNow();
        foreach (var (hash, entry) in tokens)
        {
            if (entry.ExpiresAt < now - TimeSpan.FromMinutes(10))
            {
                tokens.TryRemove(hash, out _);
            }
        }
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
