using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebApp.Data.Entities;
using WebApp.Regions;
using WebApp.Tests.Library;

namespace WebApp.Tests.Regions;

/// <summary>A team's regions over a real (in-memory SQLite) database built by the migrations.</summary>
public sealed class TeamRegionsTests : IDisposable
{
    private const string TeamKey = "team-own-upstream-key-42";

    private readonly LibraryDatabase database = new();
    private readonly RegionCatalog catalog = new(Options.Create(new RegionsOptions
    {
        Regions =
        {
            ["eu"] = new RegionSettings { Kind = RegionKind.AssemblyAI, BaseUrl = "https://api.eu.assemblyai.com", ApiKey = "operator-key" },
            ["us"] = new RegionSettings { Kind = RegionKind.AssemblyAI, BaseUrl = "https://api.assemblyai.com" },
        },
    }), Options.Create(new WebApp.Infrastructure.VerbatimOptions()));

    private readonly IDataProtectionProvider dataProtection = new EphemeralDataProtectionProvider();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task OperatorKey_OpensRegion_UntilTeamAdminsTurnItOff()
    {
        var (teams, team) = NewTeam();
        var eu = (await teams.ListAsync(team)).Single(r => r.Name == "eu");
        Assert.True(eu.Open);
        Assert.Equal("operator-key", await teams.UpstreamKeyAsync(team, "eu"));

        await teams.SetDisabledAsync(team, "eu", true);
        Assert.False((await teams.ListAsync(team)).Single(r => r.Name == "eu").Open);
        var choice = await teams.ChooseAsync(team, "eu");
        Assert.Equal(403, choice.StatusCode);
        Assert.Contains("turned off for your team", choice.Error);
    }

    [Fact]
    public async Task TeamKey_OpensRegionWithoutOperatorKey_StoredSealed()
    {
        var (teams, team) = NewTeam();
        Assert.False((await teams.ListAsync(team)).Single(r => r.Name == "us").Open);
        Assert.Equal(403, (await teams.ChooseAsync(team, "us")).StatusCode);

        await teams.SetApiKeyAsync(team, "us", TeamKey);
        var us = (await teams.ListAsync(team)).Single(r => r.Name == "us");
        Assert.True(us.Open && us.HasTeamKey);
        Assert.Equal(TeamKey, await teams.UpstreamKeyAsync(team, "us"));
        await using (var db = database.CreateDbContext())
        {
            var stored = await db.TeamRegionSettings.SingleAsync(s => s.TeamId == team && s.Region == "us");
            Assert.DoesNotContain(TeamKey, stored.ProtectedApiKey);
        }

        await teams.SetApiKeyAsync(team, "us", null);
        Assert.False((await teams.ListAsync(team)).Single(r => r.Name == "us").Open);
    }

    [Fact]
    public async Task Default_IsLocalUntilChosen_AndFallsBackWhenItCloses()
    {
        var (teams, team) = NewTeam();
        Assert.Equal("local", (await teams.ChooseAsync(team, null)).Region!.Name);

        await teams.SetDefaultAsync(team, "eu");
        Assert.Equal("eu", (await teams.ChooseAsync(team, null)).Region!.Name);
        Assert.Single(await teams.ListAsync(team), r => r.IsDefault);

        await teams.SetDisabledAsync(team, "eu", true);
        Assert.Equal("local", (await teams.ChooseAsync(team, null)).Region!.Name);

        var (otherTeams, other) = NewTeam();
        Assert.Equal("local", (await otherTeams.ChooseAsync(other, null)).Region!.Name);
        Assert.Equal(400, (await teams.ChooseAsync(team, "mars")).StatusCode);
    }

    [Fact]
    public async Task OnlyTeamOwnersAndAdmins_AreTeamAdmins()
    {
        var (teams, team) = NewTeam();
        var owner = await DbUserOf(team);
        var admin = database.AddUser("admin@example.com");
        var member = database.AddUser("member@example.com");
        var viewer = database.AddUser("viewer@example.com");
        await using (var db = database.CreateDbContext())
        {
            db.TeamMembers.Add(new TeamMember { TeamId = team, UserId = admin.Id, Role = TeamRole.Admin });
            db.TeamMembers.Add(new TeamMember { TeamId = team, UserId = member.Id, Role = TeamRole.Member });
            db.TeamMembers.Add(new TeamMember { TeamId = team, UserId = viewer.Id, Role = TeamRole.Viewer });
            await db.SaveChangesAsync();
        }

        Assert.True(await teams.IsTeamAdminAsync(team, owner));
        Assert.True(await teams.IsTeamAdminAsync(team, admin.Id));
        Assert.False(await teams.IsTeamAdminAsync(team, member.Id));
        Assert.False(await teams.IsTeamAdminAsync(team, viewer.Id));
    }

    private (TeamRegions Teams, Guid Team) NewTeam()
    {
        var user = database.AddUser($"{Guid.NewGuid():N}@example.com");
        return (new TeamRegions(database.CreateDbContext(), catalog, dataProtection, TimeProvider.System), user.PersonalTeamId);
    }

    private async Task<string> DbUserOf(Guid team)
    {
        await using var db = database.CreateDbContext();
        return await db.TeamMembers.Where(m => m.TeamId == team && m.Role == TeamRole.Owner).Select(m => m.UserId).SingleAsync();
    }
}
