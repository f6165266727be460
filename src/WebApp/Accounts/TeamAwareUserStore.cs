using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using WebApp.Data;
using WebApp.Data.Entities;

namespace WebApp.Accounts;

/// <summary>
/// Gives every new user a personal team, saved in the same transaction as the user, whichever way the user is
/// created (registration page, external login, the create-api-key command).
/// </summary>
public sealed class TeamAwareUserStore(ApplicationDbContext context, TimeProvider clock, PersonalTeamEraser eraser, IdentityErrorDescriber? describer = null)
    : UserStore<ApplicationUser, IdentityRole, ApplicationDbContext>(context, describer)
{
    public override Task<IdentityResult> CreateAsync(ApplicationUser user, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var team = new Team { Id = Guid.NewGuid(), Name = $"{user.Email ?? user.UserName}'s team", CreatedAt = now };
        team.Members.Add(new TeamMember { UserId = user.Id, Role = TeamRole.Owner, JoinedAt = now });
        Context.Teams.Add(team);
        user.PersonalTeamId = team.Id;
        user.CreatedAt = now;
        return base.CreateAsync(user, cancellationToken);
    }

    /// <summary>Deletes the account and, in the same transaction, what only its personal team held.</summary>
    public override async Task<IdentityResult> DeleteAsync(ApplicationUser user, CancellationToken cancellationToken = default)
    {
        await using var transaction = await Context.Database.BeginTransactionAsync(cancellationToken);
        var erased = await eraser.DeleteRowsAsync(Context, user.Id, user.PersonalTeamId, cancellationToken);
        var result = await base.DeleteAsync(user, cancellationToken);
        if (!result.Succeeded)
        {
            return result;
        }

        if (erased is { } teamId)
        {
            await eraser.DeleteTeamAsync(Context, teamId, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (erased is { } deleted)
        {
            eraser.DeleteFiles(deleted);
        }

        return result;
    }
}
