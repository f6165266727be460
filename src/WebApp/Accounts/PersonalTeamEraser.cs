using Microsoft.EntityFrameworkCore;
using WebApp.Data;
using WebApp.Infrastructure;
using WebApp.Uploads;

namespace WebApp.Accounts;

/// <summary>
/// When an account is deleted, what lives only in its personal team goes with it: transcripts (and their share
/// links), uploads, API keys, redacted audio, the team itself. A team someone else still belongs to is left alone.
/// </summary>
public sealed class PersonalTeamEraser(UploadStore uploads, RedactedAudioStore redactedAudio)
{
    /// <summary>Deletes the team's rows through <paramref name="db"/>; the caller saves and commits.</summary>
    /// <returns>The team whose files to remove once the deletion is committed, or null when it was kept.</returns>
    public async Task<Guid?> DeleteRowsAsync(ApplicationDbContext db, string userId, Guid teamId, CancellationToken cancellationToken)
    {
        if (await db.TeamMembers.AnyAsync(m => m.TeamId == teamId && m.UserId != userId, cancellationToken))
        {
            return null;
        }

        // Share links go with their transcripts (cascade); a queued job finds its transcript gone and stops.
        await db.Transcripts.Where(t => t.TeamId == teamId).ExecuteDeleteAsync(cancellationToken);
        await db.Uploads.Where(u => u.TeamId == teamId).ExecuteDeleteAsync(cancellationToken);
        await db.ApiKeys.Where(k => k.TeamId == teamId).ExecuteDeleteAsync(cancellationToken);
        return teamId;
    }

    public async Task DeleteTeamAsync(ApplicationDbContext db, Guid teamId, CancellationToken cancellationToken)
    {
        await db.TeamMembers.Where(m => m.TeamId == teamId).ExecuteDeleteAsync(cancellationToken);
        await db.Teams.Where(t => t.Id == teamId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Removes the team's files; after the commit, so a failed deletion leaves them in place.</summary>
    public void DeleteFiles(Guid teamId)
    {
        uploads.DeleteTeam(teamId);
        redactedAudio.DeleteTeam(teamId);
    }
}
