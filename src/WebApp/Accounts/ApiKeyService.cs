using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WebApp.Data;
using WebApp.Data.Entities;

namespace WebApp.Accounts;

/// <summary>The key as shown once at creation, with its stored record.</summary>
public sealed record CreatedApiKey(ApiKey Record, string Key);

/// <summary>Who an API key acts for.</summary>
public sealed record ApiKeyIdentity(Guid KeyId, Guid TeamId, string UserId);

/// <summary>Creates, lists, revokes and checks API keys. Keys are 128 random bits; only their SHA-256 is stored.</summary>
public sealed class ApiKeyService(ApplicationDbContext db, TimeProvider clock)
{
    public async Task<CreatedApiKey> CreateAsync(string userId, Guid teamId, string name, CancellationToken cancellationToken = default)
    {
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

    /// <summary>A key for the user's personal team (the only team a user has until team management exists).</summary>
    public async Task<CreatedApiKey> CreateForPersonalTeamAsync(string userId, string name, CancellationToken cancellationToken = default)
    {
        var teamId = await db.Users.Where(u => u.Id == userId).Select(u => u.PersonalTeamId).SingleAsync(cancellationToken);
        return await CreateAsync(userId, teamId, name, cancellationToken);
    }

    public Task<List<ApiKey>> ListAsync(string userId, CancellationToken cancellationToken = default) =>
        db.ApiKeys.AsNoTracking().Where(k => k.UserId == userId).OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);

    /// <returns>False when the key is not the user's or is already revoked.</returns>
    public async Task<bool> RevokeAsync(string userId, Guid keyId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.ApiKeys.Where(k => k.Id == keyId && k.UserId == userId && k.RevokedAt == null)
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
        var found = await db.ApiKeys.AsNoTracking()
            .Where(k => k.KeyHash == hash && k.RevokedAt == null)
            .Select(k => new { Identity = new ApiKeyIdentity(k.Id, k.TeamId, k.UserId), k.LastUsedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        // "Last used" to the minute is enough for a person, and spares a write on every request.
        var now = clock.GetUtcNow().UtcDateTime;
        if (found.LastUsedAt is null || now - found.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            await db.ApiKeys.Where(k => k.Id == found.Identity.KeyId).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        }

        return found.Identity;
    }

    // A fast hash is right here: the keys are random, so there is nothing to brute-force that a slow hash would protect.
    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
