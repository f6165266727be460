using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Data.Providers;
using WebApp.Infrastructure;
using WebApp.Teams;
using WebApp.Tests.Infrastructure;
using WebApp.Uploads;

namespace WebApp.Tests.Teams;

/// <summary>
/// The last-owner rule under concurrency, on a SQLite file and on a real PostgreSQL server: the two owners of a team
/// leave, demote themselves, or remove each other at the same moment, each through its own connection, many times
/// over. Exactly one of the two changes goes through each time, and the team always keeps exactly one owner.
/// </summary>
public sealed class LastOwnerRaceTests : IDisposable
{
    private const int Rounds = 12;

    private readonly string dataDirectory = Directory.CreateTempSubdirectory("verbatim-owner-race-").FullName;

    [Fact]
    public async Task OnSqlite_TwoOwnersLeavingOrDemotedAtOnce_AlwaysLeaveOneOwner()
    {
        var connectionString = $"Data Source={Path.Combine(dataDirectory, "race.db")}";
        var options = DesignTime.Options<SqliteDbContext>(o => o.UseSqlite(connectionString));
        await RaceAsync(() => new SqliteDbContext(options));
    }

    [Fact]
    public async Task OnPostgres_TwoOwnersLeavingOrDemotedAtOnce_AlwaysLeaveOneOwner()
    {
        await using var database = new TestPostgresDatabase();
        var options = DesignTime.Options<PostgresDbContext>(o => o.UseNpgsql(database.ConnectionString));
        await RaceAsync(() => new PostgresDbContext(options));
    }

    private async Task RaceAsync(Func<ApplicationDbContext> open)
    {
        ApplicationUser ann, bob;
        await using (var db = open())
        {
            await db.Database.MigrateAsync();
            ann = TestUsers.Add(db, "ann@example.com");
            bob = TestUsers.Add(db, "bob@example.com");
            await db.SaveChangesAsync();
        }

        var store = Options.Create(new VerbatimOptions { DataDirectory = dataDirectory });
        var eraser = new TeamEraser(new UploadStore(store), new RedactedAudioStore(store));
        async Task<TeamResult> AsManagerAsync(Func<TeamManager, Task<TeamResult>> change)
        {
            await using var db = open();
            return await change(new TeamManager(db, eraser, TimeProvider.System));
        }

        (string Name, Func<Guid, Func<TeamManager, Task<TeamResult>>> Ann, Func<Guid, Func<TeamManager, Task<TeamResult>>> Bob)[] races =
        [
            ("both leave", team => m => m.LeaveAsync(ann.Id, team), team => m => m.LeaveAsync(bob.Id, team)),
            ("both demote themselves", team => m => m.ChangeRoleAsync(ann.Id, team, ann.Id, TeamRole.Admin), team => m => m.ChangeRoleAsync(bob.Id, team, bob.Id, TeamRole.Member)),
            ("each removes the other", team => m => m.RemoveMemberAsync(ann.Id, team, bob.Id), team => m => m.RemoveMemberAsync(bob.Id, team, ann.Id)),
            ("one leaves, the other is demoted by them", team => m => m.LeaveAsync(ann.Id, team), team => m => m.ChangeRoleAsync(ann.Id, team, bob.Id, TeamRole.Viewer)),
        ];
        foreach (var (name, annChange, bobChange) in races)
        {
            for (var round = 0; round < Rounds; round++)
            {
                Guid team;
                await using (var db = open())
                {
                    team = (await new TeamManager(db, eraser, TimeProvider.System).CreateAsync(ann.Id, $"{name} {round}")).Team!.Id;
                    db.TeamMembers.Add(new TeamMember { TeamId = team, UserId = bob.Id, Role = TeamRole.Owner, JoinedAt = DateTime.UtcNow });
                    await db.SaveChangesAsync();
                }

                // Both start together, each on its own thread and connection.
                var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var first = Task.Run(async () => { await start.Task; return await AsManagerAsync(annChange(team)); });
                var second = Task.Run(async () => { await start.Task; return await AsManagerAsync(bobChange(team)); });
                start.SetResult();
                var results = await Task.WhenAll(first, second);

                await using var check = open();
                var owners = await check.TeamMembers.CountAsync(m => m.TeamId == team && m.Role == TeamRole.Owner);
                Assert.True(owners == 1, $"{name}, round {round}: {owners} owners left; results: {string.Join(" / ", results.Select(r => r.Error ?? "done"))}");
                Assert.Single(results, r => r.Succeeded);
            }
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDirectory, recursive: true);
    }
}
