using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebApp.Accounts;
using WebApp.Data.Entities;
using WebApp.Infrastructure;
using WebApp.Teams;
using WebApp.Tests.Library;
using WebApp.Transcription.Redaction;
using WebApp.Uploads;

namespace WebApp.Tests.Accounts;

/// <summary>Deleting an account (Identity's "Delete personal data") on a real, migrated SQLite database and real files.</summary>
public sealed class AccountDeletionTests : IDisposable
{
    private readonly LibraryDatabase database = new();
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("verbatim-account-deletion-").FullName;
    private readonly UploadStore uploads;
    private readonly RedactedAudioStore redactedAudio;

    public AccountDeletionTests()
    {
        var options = Options.Create(new VerbatimOptions { DataDirectory = dataDirectory });
        uploads = new UploadStore(options);
        redactedAudio = new RedactedAudioStore(options);
    }

    [Fact]
    public async Task DeletingAnAccount_DeletesItsPersonalTeamsTranscriptsUploadsKeysAndFiles_AndNobodyElses()
    {
        var ann = database.AddUser("ann@example.com");
        var bob = database.AddUser("bob@example.com");
        var annsUpload = await AddUploadAsync(ann);
        var bobsUpload = await AddUploadAsync(bob);
        var annsTranscript = database.AddTranscript(ann.PersonalTeamId, "Ann's interview", "hello there");
        var bobsTranscript = database.AddTranscript(bob.PersonalTeamId, "Bob's memo", "remember the milk");
        var redacted = redactedAudio.PathFor(ann.PersonalTeamId, annsTranscript.Id, RedactedAudioFormat.All[0]);
        Directory.CreateDirectory(Path.GetDirectoryName(redacted)!);
        await File.WriteAllBytesAsync(redacted, [1, 2, 3]);
        await using (var db = database.CreateDbContext())
        {
            db.ShareLinks.Add(new ShareLink { Id = Guid.NewGuid(), TranscriptId = annsTranscript.Id, TeamId = ann.PersonalTeamId, CreatedByUserId = ann.Id, TokenHash = "ann", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var result = await DeleteAsync(ann);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        await using var check = database.CreateDbContext();
        Assert.Equal([bob.Id], await check.Users.Select(u => u.Id).ToListAsync());
        Assert.Equal([bob.PersonalTeamId], await check.Teams.Select(t => t.Id).ToListAsync());
        Assert.Equal([bobsTranscript.Id], await check.Transcripts.Select(t => t.Id).ToListAsync());
        Assert.Equal([bobsUpload], await check.Uploads.Select(u => u.Id).ToListAsync());
        Assert.Empty(await check.ShareLinks.ToListAsync());
        Assert.False(File.Exists(uploads.PathFor(ann.PersonalTeamId, annsUpload)));
        Assert.False(File.Exists(redacted));
        Assert.True(File.Exists(uploads.PathFor(bob.PersonalTeamId, bobsUpload)));
    }

    [Fact]
    public async Task DeletingAnAccount_KeepsATeamSomeoneElseStillBelongsTo()
    {
        var ann = database.AddUser("ann@example.com");
        var bob = database.AddUser("bob@example.com");
        var upload = await AddUploadAsync(ann);
        var transcript = database.AddTranscript(ann.PersonalTeamId, "Team meeting", "hello there");
        await using (var db = database.CreateDbContext())
        {
            db.TeamMembers.Add(new TeamMember { TeamId = ann.PersonalTeamId, UserId = bob.Id, Role = TeamRole.Member, JoinedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        Assert.True((await DeleteAsync(ann)).Succeeded);

        await using var check = database.CreateDbContext();
        Assert.Equal([transcript.Id], await check.Transcripts.Select(t => t.Id).ToListAsync());
        Assert.True(await check.Teams.AnyAsync(t => t.Id == ann.PersonalTeamId));
        Assert.True(File.Exists(uploads.PathFor(ann.PersonalTeamId, upload)));
    }

    private async Task<IdentityResult> DeleteAsync(ApplicationUser user)
    {
        await using var db = database.CreateDbContext();
        using var store = new TeamAwareUserStore(db, TimeProvider.System, new TeamEraser(uploads, redactedAudio));
        var tracked = await store.FindByIdAsync(user.Id);
        return await store.DeleteAsync(tracked!);
    }

    private async Task<Guid> AddUploadAsync(ApplicationUser user)
    {
        var id = Guid.NewGuid();
        await uploads.SaveAsync(user.PersonalTeamId, id, new MemoryStream([1, 2, 3]), 1024, CancellationToken.None);
        await using var db = database.CreateDbContext();
        db.Uploads.Add(new StoredUpload { Id = id, TeamId = user.PersonalTeamId, UserId = user.Id, SizeBytes = 3, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return id;
    }

    public void Dispose()
    {
        database.Dispose();
        Directory.Delete(dataDirectory, recursive: true);
    }
}
