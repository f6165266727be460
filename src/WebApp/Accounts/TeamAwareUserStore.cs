using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Teams;

namespace WebApp.Accounts;

/// <summary>
/// Gives every new user a personal team, saved in the same transaction as the user, whichever way the user is
/// created (registration page, external login, the create-api-key command). The server's first account becomes its
/// administrator.
/// </summary>
public sealed class TeamAwareUserStore(ApplicationDbContext context, TimeProvider clock, TeamEraser eraser, IdentityErrorDescriber? describer = null)
    : UserStore<ApplicationUser, IdentityRole, ApplicationDbContext>(context, describer)
{
    public override async Task<IdentityResult> CreateAsync(ApplicationUser user, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var team = new Team { Id = Guid.NewGuid(), Name = $"{user.Email ?? user.UserName}'s team", CreatedAt = now };
        team.Members.Add(new TeamMember { UserId = user.Id, Role = TeamRole.Owner, JoinedAt = now });
        Context.Teams.Add(team);
        user.PersonalTeamId = team.Id;
        user.CreatedAt = now;
        user.IsServerAdministrator = !await Context.Users.AnyAsync(cancellationToken);
        return await base.CreateAsync(user, cancellationToken);
    }

    /// <summary>Deletes the account and, in the same transaction, every team only it belonged to; their files after.</summary>
    public override async Task<IdentityResult> DeleteAsync(ApplicationUser user, CancellationToken cancellationToken = default)
    {
        await using var transaction = await Context.Database.BeginTransactionAsync(cancellationToken);
        var erased = await eraser.TeamsOnlyOfAsync(Context, user.Id, cancellationToken);
        foreach (var teamId in erased)
        {
            await eraser.DeleteRowsAsync(Context, teamId, cancellationToken);
        }

        var result = await base.DeleteAsync(user, cancellationToken);
        if (!result.Succeeded)
        {
            return result;
        }

        await transaction.CommitAsync(cancellationToken);
        erased.ForEach(eraser.DeleteFiles);
        return result;
    }
}
