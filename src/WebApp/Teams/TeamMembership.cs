using Microsoft.EntityFrameworkCore;
using WebApp.Data;
using WebApp.Data.Entities;

namespace WebApp.Teams;

/// <summary>A user's place in one team.</summary>
public sealed record TeamMembership(Guid TeamId, string TeamName, TeamRole Role)
{
    public bool CanWrite => Role.CanWrite();

    public bool CanManage => Role.CanManage();
}

/// <summary>Which teams a user is in, and which one the browser app acts for.</summary>
public static class ActiveTeams
{
    /// <summary>
    /// The team the browser app acts for: the one the user picked in the app bar while they are still in it, else
    /// their personal team, else the first of their teams by name.
    /// </summary>
    /// <returns>Null when the account no longer exists or belongs to no team.</returns>
    public static async Task<TeamMembership?> FindActiveMembershipAsync(this ApplicationDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.Where(u => u.Id == userId).Select(u => new { u.ActiveTeamId, u.PersonalTeamId }).SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var memberships = await db.ListMembershipsAsync(userId, cancellationToken);
        return memberships.FirstOrDefault(m => m.TeamId == user.ActiveTeamId)
            ?? memberships.FirstOrDefault(m => m.TeamId == user.PersonalTeamId)
            ?? memberships.FirstOrDefault();
    }

    public static Task<List<TeamMembership>> ListMembershipsAsync(this ApplicationDbContext db, string userId, CancellationToken cancellationToken = default) =>
        db.TeamMembers.AsNoTracking()
            .Where(m => m.UserId == userId)
            .OrderBy(m => m.Team!.Name).ThenBy(m => m.TeamId)
            .Select(m => new TeamMembership(m.TeamId, m.Team!.Name, m.Role))
            .ToListAsync(cancellationToken);

    /// <returns>Null when the user is not in the team.</returns>
    public static Task<TeamMembership?> FindMembershipAsync(this ApplicationDbContext db, string userId, Guid teamId, CancellationToken cancellationToken = default) =>
        db.TeamMembers.AsNoTracking()
            .Where(m => m.UserId == userId && m.TeamId == teamId)
            .Select(m => new TeamMembership(m.TeamId, m.Team!.Name, m.Role))
            .SingleOrDefaultAsync(cancellationToken);

    /// <returns>False when the user is not in the team (nothing changes then).</returns>
    public static async Task<bool> SetActiveTeamAsync(this ApplicationDbContext db, string userId, Guid teamId, CancellationToken cancellationToken = default)
    {
        if (!await db.TeamMembers.AnyAsync(m => m.UserId == userId && m.TeamId == teamId, cancellationToken))
        {
            return false;
        }

        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.ActiveTeamId, teamId), cancellationToken);
        return true;
    }
}
