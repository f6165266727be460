using Microsoft.EntityFrameworkCore;
using WebApp.Data;
using WebApp.Infrastructure;
using WebApp.Uploads;

namespace WebApp.Teams;

/// <summary>
/// Deletes a team with everything it holds: transcripts, their share links, uploads, API keys, invites, members.
/// Rows first, through the caller's context and transaction; files only after the commit, so a deletion that fails
/// leaves them in place.
/// </summary>
public sealed class TeamEraser(UploadStore uploads, RedactedAudioStore redactedAudio)
{
    /// <summary>Deletes the team's rows through <paramref name="db"/>; the caller commits, then calls <see cref="DeleteFiles"/>.</summary>
    public async Task DeleteRowsAsync(ApplicationDbContext db, Guid teamId, CancellationToken cancellationToken)
    {
        // A queued job finds its transcript gone and stops.
        await db.ShareLinks.Where(l => l.TeamId == teamId).ExecuteDeleteAsync(cancellationToken);
        await db.Transcripts.Where(t => t.TeamId == teamId).ExecuteDeleteAsync(cancellationToken);
        await db.Uploads.Where(u => u.TeamId == teamId).ExecuteDeleteAsync(cancellationToken);
        await db.ApiKeys.Where(k => k.TeamId == teamId).ExecuteDeleteAsync(cancellationToken);
        await db.TeamInvites.Where(i => i.TeamId == teamId).ExecuteDeleteAsync(cancellationToken);
        await db.TeamMembers.Where(m => m.TeamId == teamId).ExecuteDeleteAsync(cancellationToken);
        await db.Users.Where(u => u.ActiveTeamId == teamId).ExecuteUpdateAsync(s => s.SetProperty(u => u.ActiveTeamId, (Guid?)null), cancellationToken);
        await db.Teams.Where(t => t.Id == teamId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The teams nobody but <paramref name="userId"/> belongs to: what goes when their account goes.</summary>
    public Task<List<Guid>> TeamsOnlyOfAsync(ApplicationDbContext db, string userId, CancellationToken cancellationToken) =>
        db.TeamMembers.Where(m => m.UserId == userId && !db.TeamMembers.Any(other => other.TeamId == m.TeamId && other.UserId != userId))
            .Select(m => m.TeamId)
            .ToListAsync(cancellationToken);

    public void DeleteFiles(Guid teamId)
    {
        uploads.DeleteTeam(teamId);
        redactedAudio.DeleteTeam(teamId);
    }
}
