using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Teams;

namespace WebApp.Accounts;

/// <summary>
/// Who may create an account in the browser (the registration page and external sign-in): the first account always;
/// after it, what the administrators chose (else <see cref="AccountsOptions.SignUpPolicy"/>). Invited-only lets in
/// whoever holds an invite link that still works.
/// </summary>
public sealed class SignUpGate(ApplicationDbContext db, TeamInvites invites, IOptions<AccountsOptions> options)
{
    public async Task<SignUpPolicy> CurrentPolicyAsync(CancellationToken cancellationToken = default) =>
        await db.ServerSettings.AsNoTracking().Where(s => s.Id == ServerSettings.SingletonId).Select(s => (SignUpPolicy?)s.SignUpPolicy)
            .SingleOrDefaultAsync(cancellationToken) ?? options.Value.SignUpPolicy;

    public async Task SetPolicyAsync(SignUpPolicy policy, CancellationToken cancellationToken = default)
    {
        var settings = await db.ServerSettings.SingleOrDefaultAsync(s => s.Id == ServerSettings.SingletonId, cancellationToken);
        if (settings is null)
        {
            db.ServerSettings.Add(new ServerSettings { SignUpPolicy = policy });
        }
        else
        {
            settings.SignUpPolicy = policy;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <returns>Why registration is closed to this visitor, or null when they may register.</returns>
    public async Task<string?> RefusalAsync(string? inviteToken, CancellationToken cancellationToken = default)
    {
        if (!await db.Users.AnyAsync(cancellationToken))
        {
            return null;
        }

        return await CurrentPolicyAsync(cancellationToken) switch
        {
            SignUpPolicy.Anyone => null,
            SignUpPolicy.InvitedOnly when (await invites.FindAsync(inviteToken, cancellationToken)).State == InviteState.Valid => null,
            SignUpPolicy.InvitedOnly => "This server takes new accounts by invitation only. Open the invite link a team admin gave you.",
            _ => "This server does not take new accounts. Ask its administrator.",
        };
    }
}
