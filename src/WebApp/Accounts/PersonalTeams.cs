using Microsoft.EntityFrameworkCore;
using WebApp.Data;

namespace WebApp.Accounts;

public static class PersonalTeams
{
    /// <summary>
    /// The team a signed-in browser user acts for: their personal team (the only team a user has until team
    /// management exists). API keys carry their team as a claim; Identity cookies do not, so this looks it up.
    /// </summary>
    /// <returns>Null when the user no longer exists.</returns>
    public static async Task<Guid?> FindPersonalTeamIdAsync(this ApplicationDbContext db, string userId, CancellationToken cancellationToken = default) =>
        await db.Users.Where(u => u.Id == userId).Select(u => (Guid?)u.PersonalTeamId).SingleOrDefaultAsync(cancellationToken);
}
