using Microsoft.EntityFrameworkCore;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Sharing;

namespace WebApp.Reader;

/// <summary>Who may read a transcript: members of its team, or anyone holding an active share link to it.</summary>
public sealed class TranscriptAccess(ApplicationDbContext db, ShareLinkService shareLinks)
{
    /// <returns>Null when the transcript does not exist or belongs to a team the user is not in: both look the same.</returns>
    public Task<Transcript?> FindForUserAsync(string userId, Guid transcriptId, CancellationToken cancellationToken = default) =>
        db.Transcripts.AsNoTracking()
            .Where(t => t.Id == transcriptId && db.TeamMembers.Any(m => m.TeamId == t.TeamId && m.UserId == userId))
            .SingleOrDefaultAsync(cancellationToken);

    /// <returns>Null for an unknown, revoked or expired link, and for a deleted transcript (a link shows no tombstones).</returns>
    public async Task<Transcript?> FindForShareAsync(string token, CancellationToken cancellationToken = default)
    {
        var link = await shareLinks.FindActiveAsync(token, cancellationToken);
        if (link is null)
        {
            return null;
        }

        return await db.Transcripts.AsNoTracking()
            .SingleOrDefaultAsync(t => t.Id == link.TranscriptId && t.TeamId == link.TeamId && t.DeletedAt == null, cancellationToken);
    }
}
