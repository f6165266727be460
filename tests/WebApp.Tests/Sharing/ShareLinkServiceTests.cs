using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WebApp.Data.Entities;
using WebApp.Reader;
using WebApp.Sharing;
using WebApp.Tests.Reader;

namespace WebApp.Tests.Sharing;

public sealed class ShareLinkServiceTests : IDisposable
{
    private readonly ReaderDatabase database = new();
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Create_GivesA256BitToken_AndStoresOnlyItsHash()
    {
        var transcript = database.AddTranscript();

        var created = await ShareAsync(links => links.CreateAsync(transcript.TeamId, transcript.Id, database.User.Id, lifetime: null));

        Assert.NotNull(created);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", created.Token);
        await using var db = database.CreateDbContext();
        var stored = await db.ShareLinks.SingleAsync();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(created.Token))), stored.TokenHash);
        Assert.Null(stored.ExpiresAt);
        Assert.Equal(database.User.Id, stored.CreatedByUserId);
        var second = await ShareAsync(links => links.CreateAsync(transcript.TeamId, transcript.Id, database.User.Id, lifetime: null));
        Assert.NotEqual(created.Token, second!.Token);
    }

    [Fact]
    public async Task FindActive_KnowsOnlyTheExactToken()
    {
        var transcript = database.AddTranscript();
        var created = (await ShareAsync(links => links.CreateAsync(transcript.TeamId, transcript.Id, database.User.Id, lifetime: null)))!;
        var otherCase = created.Token.ToUpperInvariant() == created.Token ? created.Token.ToLowerInvariant() : created.Token.ToUpperInvariant();

        Assert.Equal(created.Record.Id, (await ShareAsync(links => links.FindActiveAsync(created.Token)))?.Id);
        Assert.Null(await ShareAsync(links => links.FindActiveAsync(otherCase)));
        Assert.Null(await ShareAsync(links => links.FindActiveAsync(created.Token[..^1] + (created.Token[^1] == 'A' ? 'B' : 'A'))));
        Assert.Null(await ShareAsync(links => links.FindActiveAsync(created.Token + "=")));
        Assert.Null(await ShareAsync(links => links.FindActiveAsync("")));
        Assert.Null(await ShareAsync(links => links.FindActiveAsync(null)));
    }

    [Fact]
    public async Task Link_StopsWorkingWhenItExpires()
    {
        var transcript = database.AddTranscript();
        var created = (await ShareAsync(links => links.CreateAsync(transcript.TeamId, transcript.Id, database.User.Id, TimeSpan.FromDays(1))))!;

        clock.Advance(TimeSpan.FromHours(23));
        Assert.NotNull(await ShareAsync(links => links.FindActiveAsync(created.Token)));
        Assert.Single(await ShareAsync(links => links.ListActiveAsync(transcript.TeamId, transcript.Id)));

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Null(await ShareAsync(links => links.FindActiveAsync(created.Token)));
        Assert.Empty(await ShareAsync(links => links.ListActiveAsync(transcript.TeamId, transcript.Id)));
    }

    [Fact]
    public async Task Revoke_EndsTheLink_OnlyForItsOwnTeam()
    {
        var transcript = database.AddTranscript();
        var created = (await ShareAsync(links => links.CreateAsync(transcript.TeamId, transcript.Id, database.User.Id, lifetime: null)))!;

        Assert.False(await ShareAsync(links => links.RevokeAsync(database.OtherUser.PersonalTeamId, created.Record.Id)));
        Assert.NotNull(await ShareAsync(links => links.FindActiveAsync(created.Token)));

        Assert.True(await ShareAsync(links => links.RevokeAsync(transcript.TeamId, created.Record.Id)));
        Assert.False(await ShareAsync(links => links.RevokeAsync(transcript.TeamId, created.Record.Id)));
        Assert.Null(await ShareAsync(links => links.FindActiveAsync(created.Token)));
        Assert.Empty(await ShareAsync(links => links.ListActiveAsync(transcript.TeamId, transcript.Id)));
    }

    [Fact]
    public async Task Create_RefusesAnotherTeamsOrAnUnfinishedTranscript()
    {
        var theirs = database.AddTranscript(teamId: database.OtherUser.PersonalTeamId);
        var processing = database.AddTranscript(status: TranscriptStatus.Processing);

        Assert.Null(await ShareAsync(links => links.CreateAsync(database.User.PersonalTeamId, theirs.Id, database.User.Id, lifetime: null)));
        Assert.Null(await ShareAsync(links => links.CreateAsync(processing.TeamId, processing.Id, database.User.Id, lifetime: null)));
        await using var db = database.CreateDbContext();
        Assert.Empty(db.ShareLinks);
    }

    [Fact]
    public async Task Access_ThroughALink_EndsWhenTheTranscriptIsDeleted()
    {
        var transcript = database.AddTranscript();
        var created = (await ShareAsync(links => links.CreateAsync(transcript.TeamId, transcript.Id, database.User.Id, lifetime: null)))!;
        Assert.Equal(transcript.Id, (await AccessAsync(access => access.FindForShareAsync(created.Token)))?.Id);

        database.Update(transcript.Id, t => t.DeletedAt = DateTime.UtcNow);

        Assert.Null(await AccessAsync(access => access.FindForShareAsync(created.Token)));
    }

    [Fact]
    public async Task Access_ForAUser_IsLimitedToTheirTeams()
    {
        var mine = database.AddTranscript();
        var theirs = database.AddTranscript(teamId: database.OtherUser.PersonalTeamId);

        Assert.NotNull(await AccessAsync(access => access.FindForUserAsync(database.User.Id, mine.Id)));
        Assert.Null(await AccessAsync(access => access.FindForUserAsync(database.User.Id, theirs.Id)));
        Assert.Null(await AccessAsync(access => access.FindForUserAsync(database.User.Id, Guid.NewGuid())));
    }

    public void Dispose() => database.Dispose();

    private async Task<T> ShareAsync<T>(Func<ShareLinkService, Task<T>> operation)
    {
        await using var db = database.CreateDbContext();
        return await operation(new ShareLinkService(db, clock));
    }

    private async Task<T> AccessAsync<T>(Func<TranscriptAccess, Task<T>> operation)
    {
        await using var db = database.CreateDbContext();
        return await operation(new TranscriptAccess(db, new ShareLinkService(db, clock)));
    }
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
