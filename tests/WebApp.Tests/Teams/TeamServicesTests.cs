using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebApp.Accounts;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Infrastructure;
using WebApp.Sharing;
using WebApp.Teams;
using WebApp.Tests.Library;
using WebApp.Tests.Sharing;
using WebApp.Transcription.Redaction;
using WebApp.Uploads;

namespace WebApp.Tests.Teams;

/// <summary>
/// Teams, roles and invites through the real services on a real, migrated SQLite database (the teams migration's
/// data updates included) and real files: who may do what, invites' expiry and single use, deleting a team. API keys
/// are looked up through the app's cache, emptied by the app's interceptor, so every "stops at once" here holds with
/// cached lookups.
/// </summary>
public sealed class TeamServicesTests : IDisposable
{
    private readonly LibraryDatabase database;
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("verbatim-teams-").FullName;
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private readonly ApiKeyCache keyCache;
    private readonly UploadStore uploads;
    private readonly RedactedAudioStore redactedAudio;
    private readonly ApplicationUser ann;
    private readonly ApplicationUser bob;
    private readonly ApplicationUser cat;

    public TeamServicesTests()
    {
        keyCache = new ApiKeyCache(clock) { Enabled = true };
        database = new LibraryDatabase(new ApiKeyWritesInterceptor(keyCache));
        var options = Options.Create(new VerbatimOptions { DataDirectory = dataDirectory });
        uploads = new UploadStore(options);
        redactedAudio = new RedactedAudioStore(options);
        ann = database.AddUser("ann@example.com");
        bob = database.AddUser("bob@example.com");
        cat = database.AddUser("cat@example.com");
    }

    [Fact]
    public async Task LastOwner_CannotLeave_NorBeDemoted_UntilAnotherOwnerExists()
    {
        var team = await CreateTeamAsync(ann, "Acme");
        await AddMemberAsync(team, bob, TeamRole.Admin);

        var leave = await ManagerAsync(m => m.LeaveAsync(ann.Id, team));
        Assert.False(leave.Succeeded);
        Assert.Contains("last owner", leave.Error);
        Assert.False((await ManagerAsync(m => m.ChangeRoleAsync(ann.Id, team, ann.Id, TeamRole.Admin))).Succeeded);
        Assert.Equal(TeamRole.Owner, await RoleAsync(ann, team));

        Assert.True((await ManagerAsync(m => m.TransferOwnershipAsync(ann.Id, team, bob.Id))).Succeeded);
        Assert.Equal(TeamRole.Owner, await RoleAsync(bob, team));
        Assert.Equal(TeamRole.Admin, await RoleAsync(ann, team));
        Assert.True((await ManagerAsync(m => m.LeaveAsync(ann.Id, team))).Succeeded);
        Assert.Null(await RoleAsync(ann, team));
        Assert.False((await ManagerAsync(m => m.LeaveAsync(bob.Id, team))).Succeeded);
    }

    [Fact]
    public async Task Admins_ManageMembersBelowOwner_MembersAndViewersManageNobody()
    {
        var team = await CreateTeamAsync(ann, "Acme");
        await AddMemberAsync(team, bob, TeamRole.Admin);
        await AddMemberAsync(team, cat, TeamRole.Member);

        Assert.True((await ManagerAsync(m => m.ChangeRoleAsync(bob.Id, team, cat.Id, TeamRole.Viewer))).Succeeded);
        Assert.Equal(TeamRole.Viewer, await RoleAsync(cat, team));
        Assert.False((await ManagerAsync(m => m.ChangeRoleAsync(bob.Id, team, cat.Id, TeamRole.Owner))).Succeeded);
        Assert.False((await ManagerAsync(m => m.ChangeRoleAsync(bob.Id, team, ann.Id, TeamRole.Member))).Succeeded);
        Assert.False((await ManagerAsync(m => m.RemoveMemberAsync(bob.Id, team, ann.Id))).Succeeded);
        Assert.False((await ManagerAsync(m => m.ChangeRoleAsync(cat.Id, team, cat.Id, TeamRole.Admin))).Succeeded);
        Assert.False((await ManagerAsync(m => m.RemoveMemberAsync(cat.Id, team, bob.Id))).Succeeded);
        Assert.False((await ManagerAsync(m => m.DeleteAsync(bob.Id, team))).Succeeded);
        Assert.Equal(TeamRole.Owner, await RoleAsync(ann, team));
        Assert.Null(await ManagerAsync(m => m.ListMembersAsync(ann.Id, bob.PersonalTeamId)));
    }

    [Fact]
    public async Task RemovingAMember_RevokesTheirKeysForTheTeam_AndTheirKeyStopsAtOnce()
    {
        var team = await CreateTeamAsync(ann, "Acme");
        await AddMemberAsync(team, bob, TeamRole.Member);
        var bobsKey = await KeysAsync(k => k.CreateAsync(bob.Id, team, "CI"));
        var bobsOwnKey = await KeysAsync(k => k.CreateAsync(bob.Id, bob.PersonalTeamId, "Own"));
        Assert.Equal(TeamRole.Member, (await KeysAsync(k => k.FindActiveAsync(bobsKey!.Key)))!.Role);

        Assert.True((await ManagerAsync(m => m.RemoveMemberAsync(ann.Id, team, bob.Id))).Succeeded);

        Assert.Null(await KeysAsync(k => k.FindActiveAsync(bobsKey!.Key)));
        Assert.NotNull(await KeysAsync(k => k.FindActiveAsync(bobsOwnKey!.Key)));
        Assert.Null(await KeysAsync(k => k.CreateAsync(bob.Id, team, "After")));
    }

    [Fact]
    public async Task AKeysRole_FollowsItsCreatorsRole_AndALockedAccountsKeysStop()
    {
        var team = await CreateTeamAsync(ann, "Acme");
        await AddMemberAsync(team, bob, TeamRole.Viewer);
        var key = (await KeysAsync(k => k.CreateAsync(bob.Id, team, "Reader")))!.Key;
        Assert.Equal(TeamRole.Viewer, (await KeysAsync(k => k.FindActiveAsync(key)))!.Role);

        await ManagerAsync(m => m.ChangeRoleAsync(ann.Id, team, bob.Id, TeamRole.Member));
        Assert.Equal(TeamRole.Member, (await KeysAsync(k => k.FindActiveAsync(key)))!.Role);

        await using (var db = database.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == bob.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.MaxValue));
        }

        Assert.Null(await KeysAsync(k => k.FindActiveAsync(key)));
    }

    [Fact]
    public async Task RevokedKey_IsRefusedOnTheVeryNextLookup_EvenWhenItsLookupsAreCached()
    {
        var team = await CreateTeamAsync(ann, "Acme");
        await AddMemberAsync(team, bob, TeamRole.Member);
        var key = (await KeysAsync(k => k.CreateAsync(bob.Id, team, "CI")))!;
        var other = (await KeysAsync(k => k.CreateAsync(ann.Id, team, "Other")))!.Key;
        // Writing "last used" (on the first lookup of each) empties nothing: both lookups are kept.
        Assert.NotNull(await KeysAsync(k => k.FindActiveAsync(key.Key)));
        Assert.NotNull(await KeysAsync(k => k.FindActiveAsync(key.Key)));
        Assert.NotNull(await KeysAsync(k => k.FindActiveAsync(other)));
        Assert.NotNull(await KeysAsync(k => k.FindActiveAsync(other)));
        Assert.Equal(2, keyCache.Count);

        // Proof that lookups are served from memory: a revocation behind the app's back is not seen (until MaxAge).
        database.ExecuteBehindTheAppsBack($"UPDATE ApiKeys SET RevokedAt = '2026-11-30 12:00:00' WHERE Name = 'Other'");
        Assert.NotNull(await KeysAsync(k => k.FindActiveAsync(other)));
        clock.Advance(ApiKeyCache.MaxAge);
        Assert.Null(await KeysAsync(k => k.FindActiveAsync(other)));

        // Through the app, the very next lookup refuses it.
        Assert.NotNull(await KeysAsync(k => k.FindActiveAsync(key.Key)));
        Assert.True(await KeysAsync(k => k.RevokeAsync(ann.Id, team, key.Record.Id)));
        Assert.Null(await KeysAsync(k => k.FindActiveAsync(key.Key)));
    }

    [Fact]
    public async Task Invite_JoinsOnceWithItsRole_AndMakesTheTeamActive()
    {
        var team = await CreateTeamAsync(ann, "Acme");
        var invite = await InviteAsync(ann, team, TeamRole.Viewer, TimeSpan.FromDays(7));

        Assert.Equal(InviteState.Valid, (await InvitesAsync(i => i.FindAsync(invite.Token))).State);
        var (joined, error) = await InvitesAsync(i => i.AcceptAsync(bob.Id, invite.Token));

        Assert.Equal(team, joined);
        Assert.Null(error);
        Assert.Equal(TeamRole.Viewer, await RoleAsync(bob, team));
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(team, (await db.FindActiveMembershipAsync(bob.Id))!.TeamId);
            Assert.DoesNotContain(invite.Token, (await db.TeamInvites.SingleAsync()).TokenHash);
        }

        // Reuse: the link is spent, for someone else and for the same person.
        var (reused, reuseError) = await InvitesAsync(i => i.AcceptAsync(cat.Id, invite.Token));
        Assert.Null(reused);
        Assert.Contains("already been used", reuseError);
        Assert.Null(await RoleAsync(cat, team));
        Assert.Equal(InviteState.Used, (await InvitesAsync(i => i.FindAsync(invite.Token))).State);
    }

    [Fact]
    public async Task Invite_AfterItExpires_OrOnceRevoked_JoinsNobody()
    {
        var team = await CreateTeamAsync(ann, "Acme");
        var expiring = await InviteAsync(ann, team, TeamRole.Member, TimeSpan.FromDays(1));
        var revoked = await InviteAsync(ann, team, TeamRole.Member, TimeSpan.FromDays(7));
        Assert.True(await InvitesAsync(i => i.RevokeAsync(ann.Id, team, revoked.Record.Id)));

        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));

        Assert.Equal(InviteState.Expired, (await InvitesAsync(i => i.FindAsync(expiring.Token))).State);
        Assert.Contains("expired", (await InvitesAsync(i => i.AcceptAsync(bob.Id, expiring.Token))).Error);
        Assert.Contains("revoked", (await InvitesAsync(i => i.AcceptAsync(bob.Id, revoked.Token))).Error);
        Assert.Contains("not valid", (await InvitesAsync(i => i.AcceptAsync(bob.Id, "x" + expiring.Token[1..]))).Error);
        Assert.Null(await RoleAsync(bob, team));
    }

    [Fact]
    public async Task OnlyOwnersAndAdmins_Invite_AndNobodyInvitesAnOwner()
    {
        var team = await CreateTeamAsync(ann, "Acme");
        await AddMemberAsync(team, bob, TeamRole.Member);

        Assert.NotNull((await InvitesAsync(i => i.CreateAsync(bob.Id, team, TeamRole.Viewer, TimeSpan.FromDays(1)))).Error);
        Assert.NotNull((await InvitesAsync(i => i.CreateAsync(ann.Id, team, TeamRole.Owner, TimeSpan.FromDays(1)))).Error);
        Assert.NotNull((await InvitesAsync(i => i.CreateAsync(ann.Id, team, TeamRole.Member, TimeSpan.FromDays(31)))).Error);
        Assert.NotNull((await InvitesAsync(i => i.CreateAsync(cat.Id, team, TeamRole.Member, TimeSpan.FromDays(1)))).Error);
        Assert.Empty(await InvitesAsync(i => i.ListActiveAsync(bob.Id, team)));

        // Where an invite was mailed is noted by the team's admins only, and only on the team's own invites.
        var invite = (await InvitesAsync(i => i.CreateAsync(ann.Id, team, TeamRole.Member, TimeSpan.FromDays(1)))).Invite!.Record;
        Assert.False(await InvitesAsync(i => i.RecordMailedAsync(bob.Id, team, invite.Id, "eve@example.com")));
        Assert.False(await InvitesAsync(i => i.RecordMailedAsync(cat.Id, cat.PersonalTeamId, invite.Id, "eve@example.com")));
        Assert.True(await InvitesAsync(i => i.RecordMailedAsync(ann.Id, team, invite.Id, "dora@example.com")));
        Assert.Equal("dora@example.com", Assert.Single(await InvitesAsync(i => i.ListActiveAsync(ann.Id, team))).MailedTo);
    }

    [Fact]
    public async Task Viewer_CannotCreateAShareLink_ButAMemberCan()
    {
        var team = await CreateTeamAsync(ann, "Acme");
        await AddMemberAsync(team, bob, TeamRole.Viewer);
        await AddMemberAsync(team, cat, TeamRole.Member);
        var transcript = database.AddTranscript(team, "Plans", "secret plans");

        Assert.Null(await ShareAsync(s => s.CreateAsync(team, transcript.Id, bob.Id, null)));
        Assert.NotNull(await ShareAsync(s => s.CreateAsync(team, transcript.Id, cat.Id, null)));
        // Nor can someone outside the team share it, naming the team or their own.
        var dan = database.AddUser("dan@example.com");
        Assert.Null(await ShareAsync(s => s.CreateAsync(team, transcript.Id, dan.Id, null)));
        Assert.Null(await ShareAsync(s => s.CreateAsync(dan.PersonalTeamId, transcript.Id, dan.Id, null)));
        Assert.Null(await ShareAsync(s => s.CreateAsync(cat.PersonalTeamId, transcript.Id, cat.Id, null)));
    }

    [Fact]
    public async Task DeletingATeam_RemovesItsRowsAndFiles_AndNothingOfAnotherTeam()
    {
        var team = await CreateTeamAsync(ann, "Acme");
        await AddMemberAsync(team, bob, TeamRole.Member);
        var upload = await AddUploadAsync(team, bob);
        var keptUpload = await AddUploadAsync(bob.PersonalTeamId, bob);
        var transcript = database.AddTranscript(team, "Plans", "secret plans");
        var kept = database.AddTranscript(bob.PersonalTeamId, "Bob's memo", "remember the milk");
        var redacted = redactedAudio.PathFor(team, transcript.Id, RedactedAudioFormat.All[0]);
        Directory.CreateDirectory(Path.GetDirectoryName(redacted)!);
        await File.WriteAllBytesAsync(redacted, [1, 2, 3]);
        Assert.NotNull(await ShareAsync(s => s.CreateAsync(team, transcript.Id, bob.Id, null)));
        await KeysAsync(k => k.CreateAsync(bob.Id, team, "CI"));
        await KeysAsync(k => k.CreateAsync(bob.Id, bob.PersonalTeamId, "Own"));
        await InviteAsync(ann, team, TeamRole.Member, TimeSpan.FromDays(1));
        await using (var db = database.CreateDbContext())
        {
            await db.SetActiveTeamAsync(bob.Id, team);
        }

        Assert.False((await ManagerAsync(m => m.DeleteAsync(bob.Id, team))).Succeeded);
        Assert.True((await ManagerAsync(m => m.DeleteAsync(ann.Id, team))).Succeeded);

        await using var check = database.CreateDbContext();
        Assert.False(await check.Teams.AnyAsync(t => t.Id == team));
        Assert.False(await check.TeamMembers.AnyAsync(m => m.TeamId == team));
        Assert.False(await check.TeamInvites.AnyAsync());
        Assert.Equal([kept.Id], await check.Transcripts.Select(t => t.Id).ToListAsync());
        Assert.Equal([keptUpload], await check.Uploads.Select(u => u.Id).ToListAsync());
        Assert.Equal(["Own"], await check.ApiKeys.Select(k => k.Name).ToListAsync());
        Assert.Empty(await check.ShareLinks.ToListAsync());
        Assert.False(File.Exists(uploads.PathFor(team, upload)));
        Assert.False(File.Exists(redacted));
        Assert.True(File.Exists(uploads.PathFor(bob.PersonalTeamId, keptUpload)));
        // Bob's active team is gone: he falls back to his personal team.
        Assert.Equal(bob.PersonalTeamId, (await check.FindActiveMembershipAsync(bob.Id))!.TeamId);
    }

    [Fact]
    public async Task ActiveTeam_IsOnlyEverATeamTheUserIsIn()
    {
        var team = await CreateTeamAsync(ann, "Acme");
        await using var db = database.CreateDbContext();
        Assert.Equal(team, (await db.FindActiveMembershipAsync(ann.Id))!.TeamId);
        Assert.False(await db.SetActiveTeamAsync(ann.Id, bob.PersonalTeamId));
        Assert.Equal(team, (await db.FindActiveMembershipAsync(ann.Id))!.TeamId);
        Assert.True(await db.SetActiveTeamAsync(ann.Id, ann.PersonalTeamId));
        Assert.Equal(ann.PersonalTeamId, (await db.FindActiveMembershipAsync(ann.Id))!.TeamId);
    }

    private async Task<Guid> CreateTeamAsync(ApplicationUser owner, string name)
    {
        var (team, error) = await ManagerAsync(m => m.CreateAsync(owner.Id, name));
        Assert.Null(error);
        return team!.Id;
    }

    private async Task AddMemberAsync(Guid teamId, ApplicationUser user, TeamRole role)
    {
        await using var db = database.CreateDbContext();
        db.TeamMembers.Add(new TeamMember { TeamId = teamId, UserId = user.Id, Role = role, JoinedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
    }

    private async Task<TeamRole?> RoleAsync(ApplicationUser user, Guid teamId)
    {
        await using var db = database.CreateDbContext();
        return (await db.FindMembershipAsync(user.Id, teamId))?.Role;
    }

    private async Task<CreatedInvite> InviteAsync(ApplicationUser by, Guid teamId, TeamRole role, TimeSpan lifetime)
    {
        var (invite, error) = await InvitesAsync(i => i.CreateAsync(by.Id, teamId, role, lifetime));
        Assert.Null(error);
        return invite!;
    }

    private async Task<Guid> AddUploadAsync(Guid teamId, ApplicationUser user)
    {
        var id = Guid.NewGuid();
        await uploads.SaveAsync(teamId, id, new MemoryStream([1, 2, 3]), 1024, CancellationToken.None);
        await using var db = database.CreateDbContext();
        db.Uploads.Add(new StoredUpload { Id = id, TeamId = teamId, UserId = user.Id, SizeBytes = 3, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return id;
    }

    private Task<T> ManagerAsync<T>(Func<TeamManager, Task<T>> operation) =>
        WithDbAsync(db => operation(new TeamManager(db, new TeamEraser(uploads, redactedAudio), clock)));

    private Task<T> InvitesAsync<T>(Func<TeamInvites, Task<T>> operation) => WithDbAsync(db => operation(new TeamInvites(db, clock)));

    private Task<T> KeysAsync<T>(Func<ApiKeyService, Task<T>> operation) => WithDbAsync(db => operation(new ApiKeyService(db, clock, keyCache)));

    private Task<T> ShareAsync<T>(Func<ShareLinkService, Task<T>> operation) => WithDbAsync(db => operation(new ShareLinkService(db, clock)));

    private async Task<T> WithDbAsync<T>(Func<ApplicationDbContext, Task<T>> operation)
    {
        await using var db = database.CreateDbContext();
        return await operation(db);
    }

    public void Dispose()
    {
        database.Dispose();
        Directory.Delete(dataDirectory, recursive: true);
    }
}
