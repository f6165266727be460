using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WebApp.Data;
using WebApp.Data.Entities;

namespace WebApp.Administration;

/// <summary>An account as the administrators' page lists it.</summary>
public sealed record AccountRow(string UserId, string Email, DateTime CreatedAt, bool IsServerAdministrator, DateTimeOffset? LockedUntil, int TeamCount);

/// <summary>
/// What a server administrator does to other accounts: lock and unlock them. A lock is Identity's lockout with no
/// end, so the sign-in page refuses the account and its API keys stop (ApiKeyService checks the lockout); the security
/// stamp changes too, so open browser sessions end at their next check.
/// </summary>
public sealed class AccountAdministration(ApplicationDbContext db, UserManager<ApplicationUser> users, TimeProvider clock)
{
    public async Task<List<AccountRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.CreatedAt)
            .Select(u => new AccountRow(u.Id, u.Email ?? u.UserName ?? u.Id, u.CreatedAt, u.IsServerAdministrator, u.LockoutEnd,
                db.TeamMembers.Count(m => m.UserId == u.Id)))
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => r with { LockedUntil = r.LockedUntil > now ? r.LockedUntil : null })];
    }

    /// <returns>Why it was refused, or null when done.</returns>
    public async Task<string?> LockAsync(string administratorId, string userId)
    {
        if (administratorId == userId)
        {
            return "You cannot lock your own account.";
        }

        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return "That account no longer exists.";
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
        return null;
    }

    public async Task<string?> UnlockAsync(string userId)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return "That account no longer exists.";
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return null;
    }
}
