using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Teams;

namespace WebApp.Sharing;

/// <summary>The link's token as shown once at creation, with its stored record.</summary>
public sealed record CreatedShareLink(ShareLink Record, string Token);

/// <summary>
/// Read-only links to one transcript for people without an account. A token is 32 random bytes (base64url, 43
/// characters); as with API keys, only its SHA-256 is stored, so a leaked database holds no working links.
/// </summary>
public sealed class ShareLinkService(ApplicationDbContext db, TimeProvider clock)
{
    public const int TokenBytes = 32;

    /// <summary>The length of a token in base64url without padding.</summary>
    public const int TokenLength = 43;

    /// <returns>
    /// Null when the transcript is not the team's, is deleted, or is not completed yet, or when <paramref name="userId"/>
    /// is not a member, admin or owner of the team (viewers do not share).
    /// </returns>
    public async Task<CreatedShareLink?> CreateAsync(
        Guid teamId, Guid transcriptId, string userId, TimeSpan? lifetime, CancellationToken cancellationToken = default)
    {
        if (await db.FindMembershipAsync(userId, teamId, cancellationToken) is not { CanWrite: true })
        {
            return null;
        }

        var shareable = await db.Transcripts.AnyAsync(
            t => t.Id == transcriptId && t.TeamId == teamId && t.DeletedAt == null && t.Status == TranscriptStatus.Completed, cancellationToken);
        if (!shareable)
        {
            return null;
        }

        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        var now = clock.GetUtcNow().UtcDateTime;
        var record = new ShareLink
        {
            Id = Guid.NewGuid(),
            TeamId = teamId,
            TranscriptId = transcriptId,
            CreatedByUserId = userId,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = lifetime is { } span ? now + span : null,
        };
        db.ShareLinks.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedShareLink(record, token);
    }

    /// <summary>The transcript's links that still work, newest first.</summary>
    public async Task<List<ShareLink>> ListActiveAsync(Guid teamId, Guid transcriptId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.ShareLinks.AsNoTracking()
            .Where(l => l.TeamId == teamId && l.TranscriptId == transcriptId && l.RevokedAt == null && (l.ExpiresAt == null || l.ExpiresAt > now))
            .OrderByDescending(l => l.CreatedAt)
            .ToListAsync(cancellationToken);
    }

    /// <returns>False when the link is not the team's or was already revoked.</returns>
    public async Task<bool> RevokeAsync(Guid teamId, Guid linkId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.ShareLinks.Where(l => l.Id == linkId && l.TeamId == teamId && l.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.RevokedAt, now), cancellationToken);
        return changed == 1;
    }

    /// <returns>The link, or null when the token is malformed, unknown, revoked or expired.</returns>
    public async Task<ShareLink?> FindActiveAsync(string? token, CancellationToken cancellationToken = default)
    {
        // Anything that is not a 43-character base64url string cannot be a token; refusing it early costs no database query.
        if (token is null || token.Length != TokenLength || !Base64Url.IsValid(token))
        {
            return null;
        }

        // The lookup is by the token's hash, never by the token: however long the database takes to compare, the
        // timing can only tell a guesser about hashes of their own guesses, which brings them no closer to a real
        // token (2^256 possibilities). The match is then confirmed in constant time here, so it never rests on the
        // database's collation (SQL Server's default one ignores case).
        var hash = Hash(token);
        var link = await db.ShareLinks.AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        if (link is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(link.TokenHash), Encoding.ASCII.GetBytes(hash)))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return link.RevokedAt is null && (link.ExpiresAt is null || link.ExpiresAt > now) ? link : null;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
