using Microsoft.EntityFrameworkCore;
using WebApp.Data;
using WebApp.Data.Entities;

namespace WebApp.Teams;

/// <summary>A member as the team's page lists them.</summary>
public sealed record TeamMemberRow(string UserId, string Email, TeamRole Role, DateTime JoinedAt);

/// <summary>
/// Creating teams and changing who is in them. Every method takes the acting user and checks their role itself, so
/// no page or endpoint can skip the rules: admins manage members below owner; only owners touch owners, transfer
/// ownership or delete the team; a team always keeps an owner.
/// </summary>
public sealed class TeamManager(ApplicationDbContext db, TeamEraser eraser, TimeProvider clock)
{
    public const int MaxNameLength = 200;

    /// <summary>Creates a team owned by <paramref name="userId"/> and makes it their active team.</summary>
    public async Task<(Team? Team, string? Error)> CreateAsync(string userId, string name, CancellationToken cancellationToken = default)
    {
        var cleaned = name.Trim();
        if (cleaned.Length == 0 || cleaned.Length > MaxNameLength)
        {
            return (null, $"A team's name needs 1 to {MaxNameLength} characters.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var team = new Team { Id = Guid.NewGuid(), Name = cleaned, CreatedAt = now };
        team.Members.Add(new TeamMember { UserId = userId, Role = TeamRole.Owner, JoinedAt = now });
        db.Teams.Add(team);
        await db.SaveChangesAsync(cancellationToken);
        await db.SetActiveTeamAsync(userId, team.Id, cancellationToken);
        return (team, null);
    }

    /// <returns>Null when <paramref name="userId"/> is not in the team.</returns>
    public async Task<List<TeamMemberRow>?> ListMembersAsync(string userId, Guid teamId, CancellationToken cancellationToken = default)
    {
        if (await db.FindMembershipAsync(userId, teamId, cancellationToken) is null)
        {
            return null;
        }

        return await db.TeamMembers.AsNoTracking()
            .Where(m => m.TeamId == teamId)
            .OrderBy(m => m.User!.Email)
            .Select(m => new TeamMemberRow(m.UserId, m.User!.Email ?? m.User.UserName ?? m.UserId, m.Role, m.JoinedAt))
            .ToListAsync(cancellationToken);
    }

    public Task<TeamResult> ChangeRoleAsync(string userId, Guid teamId, string memberId, TeamRole role, CancellationToken cancellationToken = default) =>
        WithTeamLockedAsync(teamId, async () =>
        {
            var (actor, member) = await LoadAsync(userId, teamId, memberId, cancellationToken);
            if (actor is null || !actor.Role.CanManage())
            {
                return TeamResult.Refused("Only the team's owners and admins change roles.");
            }

            if (member is null)
            {
                return TeamResult.Refused("That person is not in this team.");
            }

            if ((role == TeamRole.Owner || member.Role == TeamRole.Owner) && actor.Role != TeamRole.Owner)
            {
                return TeamResult.Refused("Only an owner makes or unmakes owners.");
            }

            if (member.Role == TeamRole.Owner && role != TeamRole.Owner && await IsLastOwnerAsync(teamId, cancellationToken))
            {
                return TeamResult.Refused("A team needs an owner: make someone else owner first.");
            }

            member.Role = role;
            await db.SaveChangesAsync(cancellationToken);
            return TeamResult.Done;
        }, cancellationToken);

    /// <summary>Makes <paramref name="memberId"/> an owner and the acting owner an admin.</summary>
    public Task<TeamResult> TransferOwnershipAsync(string userId, Guid teamId, string memberId, CancellationToken cancellationToken = default) =>
        WithTeamLockedAsync(teamId, async () =>
        {
            var (actor, member) = await LoadAsync(userId, teamId, memberId, cancellationToken);
            if (actor is not { Role: TeamRole.Owner })
            {
                return TeamResult.Refused("Only an owner transfers ownership.");
            }

            if (member is null || member.UserId == userId)
            {
                return TeamResult.Refused("Pick another member of this team.");
            }

            member.Role = TeamRole.Owner;
            actor.Role = TeamRole.Admin;
            await db.SaveChangesAsync(cancellationToken);
            return TeamResult.Done;
        }, cancellationToken);

    public Task<TeamResult> RemoveMemberAsync(string userId, Guid teamId, string memberId, CancellationToken cancellationToken = default) =>
        WithTeamLockedAsync(teamId, async () =>
        {
            var (actor, member) = await LoadAsync(userId, teamId, memberId, cancellationToken);
            if (memberId == userId)
            {
                return await LeaveLockedAsync(actor, cancellationToken);
            }

            if (actor is null || !actor.Role.CanManage())
            {
                return TeamResult.Refused("Only the team's owners and admins remove members.");
            }

            if (member is null)
            {
                return TeamResult.Refused("That person is not in this team.");
            }

            if (member.Role == TeamRole.Owner && actor.Role != TeamRole.Owner)
            {
                return TeamResult.Refused("Only an owner removes an owner.");
            }

            // An owner removing the other owner while that one removes them: whoever comes second is no longer in the team.
            await RemoveAsync(member, cancellationToken);
            return TeamResult.Done;
        }, cancellationToken);

    public Task<TeamResult> LeaveAsync(string userId, Guid teamId, CancellationToken cancellationToken = default) =>
        WithTeamLockedAsync(teamId, async () =>
        {
            var member = await db.TeamMembers.SingleOrDefaultAsync(m => m.TeamId == teamId && m.UserId == userId, cancellationToken);
            return await LeaveLockedAsync(member, cancellationToken);
        }, cancellationToken);

    /// <summary>Deletes the team and all it holds (rows in one transaction, files after). Owners only.</summary>
    public async Task<TeamResult> DeleteAsync(string userId, Guid teamId, CancellationToken cancellationToken = default)
    {
        if (await db.FindMembershipAsync(userId, teamId, cancellationToken) is not { Role: TeamRole.Owner })
        {
            return TeamResult.Refused("Only an owner deletes the team.");
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await eraser.DeleteRowsAsync(db, teamId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        eraser.DeleteFiles(teamId);
        return TeamResult.Done;
    }

    private async Task<TeamResult> LeaveLockedAsync(TeamMember? member, CancellationToken cancellationToken)
    {
        if (member is null)
        {
            return TeamResult.Refused("You are not in this team.");
        }

        if (member.Role == TeamRole.Owner && await IsLastOwnerAsync(member.TeamId, cancellationToken))
        {
            return TeamResult.Refused("You are this team's last owner: make someone else owner first, or delete the team.");
        }

        await RemoveAsync(member, cancellationToken);
        return TeamResult.Done;
    }

    // A member who goes takes their API keys for the team with them: revoked, so a later return does not revive them.
    private async Task RemoveAsync(TeamMember member, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.ApiKeys.Where(k => k.TeamId == member.TeamId && k.UserId == member.UserId && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), cancellationToken);
        db.TeamMembers.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Runs a change to the team's members in one transaction that first takes a write lock on the team's row (an
    /// update that changes nothing locks it on SQLite, PostgreSQL and SQL Server alike). Two owners leaving, or being
    /// demoted, at the same moment would otherwise both count two owners and leave none; this way the second waits
    /// for the first to commit, then reads the members as they are. Refused changes are rolled back.
    /// </summary>
    private async Task<TeamResult> WithTeamLockedAsync(Guid teamId, Func<Task<TeamResult>> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Teams.Where(t => t.Id == teamId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Name, t => t.Name), cancellationToken) == 0)
        {
            return TeamResult.Refused("That team does not exist.");
        }

        var result = await change();
        if (result.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return result;
    }

    private async Task<(TeamMember? Actor, TeamMember? Member)> LoadAsync(string userId, Guid teamId, string memberId, CancellationToken cancellationToken)
    {
        var rows = await db.TeamMembers.Where(m => m.TeamId == teamId && (m.UserId == userId || m.UserId == memberId)).ToListAsync(cancellationToken);
        return (rows.SingleOrDefault(m => m.UserId == userId), rows.SingleOrDefault(m => m.UserId == memberId));
    }

    private async Task<bool> IsLastOwnerAsync(Guid teamId, CancellationToken cancellationToken) =>
        await db.TeamMembers.CountAsync(m => m.TeamId == teamId && m.Role == TeamRole.Owner, cancellationToken) <= 1;
}
