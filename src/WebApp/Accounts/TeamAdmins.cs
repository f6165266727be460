using Microsoft.EntityFrameworkCore;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Teams;

namespace WebApp.Accounts;

/// <summary>
/// Who administers a team: the one place that says which roles may see a team's usage and manage what it shares,
/// so a change of roles is made here alone.
/// </summary>
public static class TeamAdmins
{
    /// <summary>The roles that administer a team.</summary>
    public static bool Administers(TeamRole role) => role.CanManage();

    public static async Task<bool> IsTeamAdminAsync(this ApplicationDbContext db, Guid teamId, string userId, CancellationToken cancellationToken = default)
    {
        var role = await db.TeamMembers.Where(m => m.TeamId == teamId && m.UserId == userId).Select(m => (TeamRole?)m.Role).SingleOrDefaultAsync(cancellationToken);
        return role is { } held && Administers(held);
    }
}
