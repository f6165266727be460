using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WebApp.Data;
using WebApp.Data.Entities;

namespace WebApp.Teams;

/// <summary>The invite as shown once at creation: the token goes in the link.</summary>
public sealed record CreatedInvite(TeamInvite Record, string Token);

public enum InviteState
{
    Valid,
    Unknown,
    Expired,
    Used,
    Revoked,
}

/// <summary>What the join page shows about an invite link.</summary>
public sealed record InviteView(InviteState State, Guid TeamId, string TeamName, TeamRole Role, DateTime ExpiresAt)
{
    public static readonly InviteView Unknown = new(InviteState.Unknown, Guid.Empty, "", TeamRole.Viewer, DateTime.MinValue);
}

/// <summary>
/// Invite links: 32 random bytes (base64url) of which only the SHA-256 is stored. A link works once, for the role it
/// was made with, until it expires or an admin revokes it. The admin passes the link on, or <see cref="InviteMail"/> mails
/// it and the address is kept beside the invite.
/// </summary>
public sealed class TeamInvites(ApplicationDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);

    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(30);

    public static string JoinPath(string token) => $"join/{token}";

    public async Task<(CreatedInvite? Invite, string? Error)> CreateAsync(
        string userId, Guid teamId, TeamRole role, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        if (await db.FindMembershipAsync(userId, teamId, cancellationToken) is not { CanManage: true })
        {
            return (null, "Only the team's owners and admins invite people.");
        }

        if (role == TeamRole.Owner)
        {
            return (null, "Invite as admin, member or viewer; make an owner by transferring ownership.");
        }

        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
        {
            return (null, $"An invite lasts at most {MaxLifetime.TotalDays} days.");
        }

        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var invite = new TeamInvite
        {
            Id = Guid.NewGuid(),
            TeamId = teamId,
            Role = role,
            TokenHash = Hash(token),
            CreatedByUserId = userId,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        db.TeamInvites.Add(invite);
        await db.SaveChangesAsync(cancellationToken);
        return (new CreatedInvite(invite, token), null);
    }

    /// <summary>Notes the address an invite was mailed to, for the team's list of pending invites.</summary>
    public async Task<bool> RecordMailedAsync(string userId, Guid teamId, Guid inviteId, string address, CancellationToken cancellationToken = default)
    {
        if (await db.FindMembershipAsync(userId, teamId, cancellationToken) is not { CanManage: true })
        {
            return false;
        }

        return await db.TeamInvites.Where(i => i.Id == inviteId && i.TeamId == teamId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.MailedTo, address), cancellationToken) == 1;
    }

    /// <summary>The team's invites that still work, newest first; empty for anyone who cannot manage the team.</summary>
    public async Task<List<TeamInvite>> ListActiveAsync(string userId, Guid teamId, CancellationToken cancellationToken = default)
    {
        if (await db.FindMembershipAsync(userId, teamId, cancellationToken) is not { CanManage: true })
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return await db.TeamInvites.AsNoTracking()
            .Where(i => i.TeamId == teamId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderByDescending(i => i.CreatedAt)
            .ToListAsync(cancellationToken);
    }

    public async Task<bool> RevokeAsync(string userId, Guid teamId, Guid inviteId, CancellationToken cancellationToken = default)
    {
        if (await db.FindMembershipAsync(userId, teamId, cancellationToken) is not { CanManage: true })
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return await db.TeamInvites.Where(i => i.Id == inviteId && i.TeamId == teamId && i.RevokedAt == null && i.AcceptedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, now), cancellationToken) == 1;
    }

    public async Task<InviteView> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (token is null || token.Length != 43 || !Base64Url.IsValid(token))
        {
            return InviteView.Unknown;
        }

        var hash = Hash(token);
        var found = await db.TeamInvites.AsNoTracking()
            .Where(i => i.TokenHash == hash)
            .Select(i => new { Invite = i, TeamName = db.Teams.Where(t => t.Id == i.TeamId).Select(t => t.Name).Single() })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return InviteView.Unknown;
        }

        var invite = found.Invite;
        var state = invite.RevokedAt is not null ? InviteState.Revoked
            : invite.AcceptedAt is not null ? InviteState.Used
            : invite.ExpiresAt <= clock.GetUtcNow().UtcDateTime ? InviteState.Expired
            : InviteState.Valid;
        return new InviteView(state, invite.TeamId, found.TeamName, invite.Role, invite.ExpiresAt);
    }

    /// <summary>
    /// Joins <paramref name="userId"/> to the invite's team with its role and makes it their active team. The invite
    /// is used up in the same conditional update that checks it, so two people racing with one link cannot both join.
    /// </summary>
    public async Task<(Guid? TeamId, string? Error)> AcceptAsync(string userId, string token, CancellationToken cancellationToken = default)
    {
        var view = await FindAsync(token, cancellationToken);
        switch (view.State)
        {
            case InviteState.Unknown:
                return (null, "This invite link is not valid.");
            case InviteState.Expired:
                return (null, "This invite link has expired. Ask for a new one.");
            case InviteState.Used:
                return (null, "This invite link has already been used. Ask for a new one.");
            case InviteState.Revoked:
                return (null, "This invite link was revoked.");
        }

        if (await db.FindMembershipAsync(userId, view.TeamId, cancellationToken) is not null)
        {
            return (null, $"You are already in {view.TeamName}.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var hash = Hash(token);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.TeamInvites
            .Where(i => i.TokenHash == hash && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedByUserId, userId), cancellationToken);
        if (claimed != 1)
        {
            return (null, "This invite link has already been used. Ask for a new one.");
        }

        db.TeamMembers.Add(new TeamMember { TeamId = view.TeamId, UserId = userId, Role = view.Role, JoinedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.ActiveTeamId, view.TeamId), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (view.TeamId, null);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
