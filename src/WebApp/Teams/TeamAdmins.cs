using Microsoft.EntityFrameworkCore;
using WebApp.Data;
using WebApp.Data.Entities;

namespace WebApp.Teams;

/// <summary>Whether a user administers a team, by the roles' own rule (<see cref="TeamPermissions.CanManage"/>).</summary>
public static class TeamAdmins
{
    public static async Task<bool> IsTeamAdminAsync(this ApplicationDbContext db, Guid teamId, string userId, CancellationToken cancellationToken = default)
    {
        var role = await db.TeamMembers.Where(m => m.TeamId == teamId && m.UserId == userId).Select(m => (TeamRole?)m.Role).SingleOrDefaultAsync(cancellationToken);
        return role is { } held && held.CanManage();
    }
}
