using System.Collections.Specialized;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Data.Providers;
using WebApp.Limits;
using WebApp.Transcription;
using WebApp.Transcription.Model;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Limits;

/// <summary>
/// The per-team job limit across a cluster, on a real PostgreSQL server: two nodes (each its own admission, with its
/// own in-process semaphore, and its own connections) admit or release a team's jobs at the same moment, many times
/// over. The limit is one job; it is never exceeded, and a waiting job is never left behind when there is room.
/// </summary>
public sealed class AdmissionRaceTests : IAsyncLifetime
{
    private const int Rounds = 15;

    private readonly TestPostgresDatabase database = new();
    private DbContextOptions<PostgresDbContext> options = default!;
    private ServiceProvider[] nodes = [];

    public async Task InitializeAsync()
    {
        options = DesignTime.Options<PostgresDbContext>(o => o.UseNpgsql(database.ConnectionString));
        await using var db = new PostgresDbContext(options);
        await db.Database.MigrateAsync();
        nodes = [Node("a"), Node("b")];
    }

    [Fact]
    public async Task TwoNodesAdmittingAtOnce_NeverStartMoreThanTheTeamsLimit()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var team = await AddTeamAsync($"admit {round}");
            var results = await TogetherAsync(node => AddAsync(node, team));

            Assert.True(results.Count(throttled => !throttled) == 1, $"round {round}: {results.Count(throttled => !throttled)} of 2 admitted with a limit of 1");
            Assert.Equal(1, await CountAsync(team, throttled: false));
        }
    }

    [Fact]
    public async Task TwoNodesReleasingAtOnce_AdmitExactlyOneWaitingJob()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var team = await AddTeamAsync($"release {round}");
            // One job running and two waiting; the running one ends, and both nodes hear of it at once.
            var running = await AddAsync(nodes[0], team);
            Assert.False(running);
            Assert.True(await AddAsync(nodes[0], team));
            Assert.True(await AddAsync(nodes[1], team));
            await using (var db = new PostgresDbContext(options))
            {
                await db.Transcripts.Where(t => t.TeamId == team && !t.Throttled).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TranscriptStatus.Completed));
            }

            await TogetherAsync(async node => { await node.GetRequiredService<TeamJobAdmission>().ReleaseAsync(team, CancellationToken.None); return true; });

            Assert.True(await CountAsync(team, throttled: false, TranscriptStatus.Queued) == 1, $"round {round}: not exactly one waiting job was admitted");
            Assert.Equal(1, await CountAsync(team, throttled: true, TranscriptStatus.Queued));
        }
    }

    /// <summary>Runs the same step on both nodes, released together, each on its own thread.</summary>
    private async Task<bool[]> TogetherAsync(Func<ServiceProvider, Task<bool>> step)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = nodes.Select(node => Task.Run(async () => { await start.Task; return await step(node); })).ToArray();
        start.SetResult();
        return await Task.WhenAll(runs);
    }

    /// <returns>Whether the new job was throttled.</returns>
    private static async Task<bool> AddAsync(ServiceProvider node, Guid team)
    {
        await using var scope = node.CreateAsyncScope();
        var transcript = new Transcript
        {
            Id = Guid.NewGuid(),
            TeamId = team,
            Status = TranscriptStatus.Queued,
            AudioUrl = "https://example.com/a.mp3",
            OptionsJson = StoredOptions.Write(new TranscriptOptions()),
            CreatedAt = DateTime.UtcNow,
        };
        await node.GetRequiredService<TeamJobAdmission>().AddAsync(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>(), transcript, CancellationToken.None);
        return transcript.Throttled;
    }

    private async Task<Guid> AddTeamAsync(string name)
    {
        await using var db = new PostgresDbContext(options);
        var team = new Team { Id = Guid.NewGuid(), Name = name, CreatedAt = DateTime.UtcNow };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        return team.Id;
    }

    private async Task<int> CountAsync(Guid team, bool throttled, TranscriptStatus? status = null)
    {
        await using var db = new PostgresDbContext(options);
        return await db.Transcripts.CountAsync(t => t.TeamId == team && t.Throttled == throttled && (status == null || t.Status == status));
    }

    /// <summary>One node's services: its own admission and an in-memory job queue that is never started.</summary>
    private ServiceProvider Node(string name)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScoped<ApplicationDbContext>(_ => new PostgresDbContext(options));
        services.AddOptions<LimitsOptions>();
        services.AddOptions<TranscriptionOptions>().Configure(o => o.MaxConcurrentJobs = 1);
        services.AddQuartz(new NameValueCollection { ["quartz.scheduler.instanceName"] = $"admission-race-{name}-{Guid.NewGuid():N}" });
        services.AddSingleton<TranscriptionQueue>();
        services.AddSingleton<TeamLimitLock>();
        services.AddSingleton<TeamJobAdmission>();
        return services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }

        await database.DisposeAsync();
    }
}
