using Npgsql;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Transcription.Events;

/// <summary>
/// Live status when the job runs in another process: a web process that runs no jobs
/// (Verbatim:Cluster:Role=Web) and a worker process (the same app, Role=Worker) on the same database and
/// data directory. The worker forwards its changes to the web's hub (Verbatim:Events:HubUrl and Secret); a browser
/// connected to the web sees them.
/// </summary>
public sealed class WorkerProcessEventsTests : IAsyncLifetime
{
    private readonly TestPostgresDatabase database = new();
    private readonly string secret = Convert.ToHexString(Guid.NewGuid().ToByteArray());
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("verbatim-test-").FullName;
    private VerbatimServer? web;
    private VerbatimServer? worker;
    private bool onPostgres;

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public Task OnPostgres_WorkersChanges_ReachTheBrowserThroughTheWebProcess() => WorkersChangesReachTheBrowserAsync(new Dictionary<string, string>
    {
        ["Verbatim__Database__Provider"] = "Postgres",
        ["Verbatim__Database__ConnectionString"] = database.ConnectionString,
    });

    [Fact]
    public Task OnSqlite_WorkersChanges_ReachTheBrowserThroughTheWebProcess() => WorkersChangesReachTheBrowserAsync([]);

    private async Task WorkersChangesReachTheBrowserAsync(Dictionary<string, string> database)
    {
        await StartAsync(database);

        using var ivy = await BrowserSession.RegisterAsync(web!.BaseAddress, "ivy@example.com");
        await using var watcher = await TranscriptWatcher.StartAsync(ivy);
        using var api = new V2Client(web.CreateClient(await web.CreateApiKeyAsync(ivy.Email)));
        var uploadUrl = await api.UploadAsync(TestSpeech.Say(TestSpeech.Sentence));
        var id = (await api.CreateTranscriptAsync(new { audio_url = uploadUrl })).GetProperty("id").GetString()!;

        await watcher.WaitForAsync(id, "completed", TimeSpan.FromMinutes(3));

        var seen = watcher.For(id);
        Assert.True(seen.Select(c => c.Status).Distinct().SequenceEqual(["queued", "processing", "completed"]), string.Join(", ", seen));
        Assert.Contains($"Transcribing {id}", worker!.Log);
        Assert.DoesNotContain($"Transcribing {id}", web.Log);
    }

    private async Task StartAsync(Dictionary<string, string> database)
    {
        onPostgres = database.ContainsKey("Verbatim__Database__ConnectionString");
        web = new VerbatimServer(new Dictionary<string, string>(database)
        {
            ["Verbatim__Cluster__Role"] = "Web",
            ["Verbatim__Events__Secret"] = secret,
        }, dataDirectory);
        // The web process migrates the database first; the worker then starts on it.
        await web.StartAsync();
        worker = new VerbatimServer(new Dictionary<string, string>(database)
        {
            ["Verbatim__Cluster__Role"] = "Worker",
            ["Verbatim__Events__HubUrl"] = new Uri(web.BaseAddress, "/hubs/transcripts").ToString(),
            ["Verbatim__Events__Secret"] = secret,
        }, dataDirectory);
        await worker.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (worker is not null)
        {
            await worker.DisposeAsync();
        }

        if (web is not null)
        {
            await web.DisposeAsync();
        }

        if (!onPostgres)
        {
            return;
        }

        await database.DisposeAsync();
    }
}
