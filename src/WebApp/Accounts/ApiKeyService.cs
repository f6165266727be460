using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Teams;

namespace WebApp.Accounts;

/// <summary>The key as shown once at creation, with its stored record.</summary>
public sealed record CreatedApiKey(ApiKey Record, string Key);

/// <summary>Who an API key acts for, with its creator's role in the key's team now (a viewer's key reads only).</summary>
public sealed record ApiKeyIdentity(Guid KeyId, Guid TeamId, string UserId, TeamRole Role);

/// <summary>A key as the keys page lists it.</summary>
public sealed record ApiKeyRow(ApiKey Key, string CreatorEmail);

/// <summary>
/// Creates, lists, revokes and checks API keys. Keys are 128 random bits; only their SHA-256 is stored. A key belongs
/// to one team and acts as its creator there: it stops working when they leave the team or their account is locked,
/// and it can write only while they are a member, admin or owner. Admins and owners see and revoke every key of the
/// team; others see and revoke their own. Lookups are kept in <paramref name="cache"/> when one is given (the app's
/// is emptied by every write that could change their answer).
/// </summary>
public sealed class ApiKeyService(ApplicationDbContext db, TimeProvider clock, ApiKeyCache? cache = null)
{
    /// <returns>Null when <paramref name="userId"/> is not in the team.</returns>
    public async Task<CreatedApiKey?> CreateAsync(string userId, Guid teamId, string name, CancellationToken cancellationToken = default)
    {
        if (await db.FindMembershipAsync(userId, teamId, cancellationToken) is null)
        {
            return null;
        }

        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var record = new ApiKey
        {
            Id = Guid.NewGuid(),
            TeamId = teamId,
            UserId = userId,
            Name = string.IsNullOrWhiteSpace(name) ? "API key" : name.Trim(),
            Prefix = key[..6],
            KeyHash = Hash(key),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ApiKeys.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKey(record, key);
    }

    /// <summary>The team's keys an admin or owner sees, or the user's own in the team; newest first.</summary>
    public async Task<List<ApiKeyRow>> ListAsync(string userId, Guid teamId, CancellationToken cancellationToken = default)
    {
        if (await db.FindMembershipAsync(userId, teamId, cancellationToken) is not { } membership)
        {
            return [];
        }

        return await db.ApiKeys.AsNoTracking()
            .Where(k => k.TeamId == teamId && (membership.CanManage || k.UserId == userId))
            .OrderByDescending(k => k.CreatedAt)
            .Select(k => new ApiKeyRow(k, db.Users.Where(u => u.Id == k.UserId).Select(u => u.Email ?? u.UserName ?? "").Single()))
            .ToListAsync(cancellationToken);
    }

    /// <returns>False when the key is not one the user may revoke (their own, or any of the team's for admins) or is already revoked.</returns>
    public async Task<bool> RevokeAsync(string userId, Guid teamId, Guid keyId, CancellationToken cancellationToken = default)
    {
        if (await db.FindMembershipAsync(userId, teamId, cancellationToken) is not { } membership)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.ApiKeys.Where(k => k.Id == keyId && k.TeamId == teamId && (membership.CanManage || k.UserId == userId) && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), cancellationToken);
        return changed == 1;
    }

    public async Task<ApiKeyIdentity?> FindActiveAsync(string key, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200)
        {
            return null;
        }

        var hash = Hash(key.Trim());
        var now = clock.GetUtcNow();
        var found = cache?.Find(hash) ?? await LoadAsync(hash, cancellationToken);
        // A locked account's keys stop with it (an administrator's lock, or too many wrong passwords).
        if (found is null || found.LockoutEnd > now)
        {
            return null;
        }

        // "Last used" to the minute is enough for a person, and spares a write on every request.
        var utcNow = now.UtcDateTime;
        if (found.LastUsedAt is null || utcNow - found.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            var generation = cache?.Generation ?? 0;
            using (TableWritesInterceptor.Unwatched())
            {
                await db.ApiKeys.Where(k => k.Id == found.Identity.KeyId).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, utcNow), cancellationToken);
            }

            cache?.RecordUse(hash, utcNow, generation);
        }

        return found.Identity;
    }

    private async Task<ActiveApiKey?> LoadAsync(string hash, CancellationToken cancellationToken)
    {
        var generation = cache?.Generation ?? 0;
        var found = await db.ApiKeys.AsNoTracking()
            .Where(k => k.KeyHash == hash && k.RevokedAt == null)
            .SelectMany(k => db.TeamMembers.Where(m => m.TeamId == k.TeamId && m.UserId == k.UserId),
                (k, m) => new ActiveApiKey(new ApiKeyIdentity(k.Id, k.TeamId, k.UserId, m.Role), k.LastUsedAt, m.User!.LockoutEnd))
            .SingleOrDefaultAsync(cancellationToken);
        if (found is not null)
        {
            cache?.Store(hash, found, generation);
        }

        return found;
    }

    // A fast hash is right here: the keys are random, so there is nothing to brute-force that a slow hash would protect.
    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
