using System.Net.WebSockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Cluster;

/// <summary>
/// The cluster of scripts/cluster.sh as real processes: PostgreSQL, Redis, two web nodes and two workers sharing one
/// data directory. Jobs are submitted on web A and watched from web B (signed in on A: the Data Protection keys are
/// shared); one worker is killed with SIGKILL in the middle of a job.
/// </summary>
public sealed class ClusterTests : IAsyncLifetime
{
    private const int Jobs = 3;

    private readonly TestPostgresDatabase database = new();
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("verbatim-cluster-").FullName;
    private readonly List<VerbatimServer> nodes = [];
    private RedisServer? redis;

    public async Task InitializeAsync() => redis = await RedisServer.StartAsync();

    [Fact]
    public async Task Cluster_SpreadsJobs_RecoversAKilledWorkersJob_AndTellsTheOtherWebNode()
    {
        var webA = await StartNodeAsync("Web");
        var webB = StartNodeAsync("Web");
        var worker1 = StartNodeAsync("Worker");
        var worker2 = StartNodeAsync("Worker");
        VerbatimServer[] workers = [await worker1, await worker2];
        var webNodeB = await webB;

        using var ivy = await BrowserSession.RegisterAsync(webA.BaseAddress, "ivy@example.com");
        await using var watcherOnB = await TranscriptWatcher.StartAsync(ivy, webNodeB.BaseAddress);
        using var api = new V2Client(webA.CreateClient(await webA.CreateApiKeyAsync(ivy.Email)));
        var speech = TestSpeech.Concat([.. Enumerable.Repeat(TestSpeech.Say(TestSpeech.Sentence), 4)]);
        var ids = new List<string>();
        for (var i = 0; i < Jobs; i++)
        {
            var uploadUrl = await api.UploadAsync(speech);
            ids.Add((await api.CreateTranscriptAsync(new { audio_url = uploadUrl })).GetProperty("id").GetString()!);
        }

        // Kill the first worker seen starting a job, while that job runs.
        var (victim, interrupted) = await FirstJobStartedAsync(workers, ids);
        Assert.DoesNotContain($"Transcribed {interrupted}", victim.Log);
        victim.Kill();
        var survivor = workers.Single(w => w != victim);

        foreach (var id in ids)
        {
            await watcherOnB.WaitForAsync(id, "completed", TimeSpan.FromMinutes(4));
        }

        var logs = string.Join('\n', workers.Select(w => w.Log));
        foreach (var id in ids)
        {
            Assert.True(Regex.Count(logs, $"Transcribed {id}") == 1, $"{id} was transcribed {Regex.Count(logs, $"Transcribed {id}")} times:\n{logs}");
            var (status, body) = await api.GetAsync($"/v2/transcript/{id}");
            Assert.Equal("completed", body.GetProperty("status").GetString());
            Assert.NotEqual(0, body.GetProperty("words").GetArrayLength());
        }

        Assert.Contains($"Transcribed {interrupted}", survivor.Log);
        Assert.All(workers, w => Assert.Contains("Transcribing ", w.Log));
        Assert.DoesNotContain("Transcribing ", webA.Log + webNodeB.Log);
    }

    [Fact]
    public async Task StreamingToken_MadeOnOneWebNode_OpensASessionOnTheOther_Once()
    {
        var webA = await StartNodeAsync("Web");
        var webB = await StartNodeAsync("Web");
        using var ivy = await BrowserSession.RegisterAsync(webA.BaseAddress, "ivy@example.com");
        using var api = webA.CreateClient(await webA.CreateApiKeyAsync(ivy.Email));
        using var tokenResponse = await api.GetAsync("/v3/token?expires_in_seconds=60");
        var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();

        var (onB, _) = await OpenStreamAsync(webB, token!);
        var (onA, closedWith) = await OpenStreamAsync(webA, token!);

        Assert.Equal("Begin", onB.GetProperty("type").GetString());
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, closedWith);
        Assert.Equal("Unauthorized Connection: Invalid token", onA.GetProperty("error").GetString());
    }

    /// <summary>The first message of a /v3/ws session opened with <paramref name="token"/>, and how it closed if it did.</summary>
    private static async Task<(JsonElement First, WebSocketCloseStatus? Closed)> OpenStreamAsync(VerbatimServer node, string token)
    {
        using var socket = new ClientWebSocket();
        var url = new UriBuilder(node.BaseAddress) { Scheme = node.BaseAddress.Scheme == "https" ? "wss" : "ws", Path = "/v3/ws", Query = $"sample_rate=16000&token={token}" };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await socket.ConnectAsync(url.Uri, timeout.Token);
        var buffer = new byte[8192];
        var received = await socket.ReceiveAsync(buffer, timeout.Token);
        var first = JsonDocument.Parse(buffer.AsMemory(0, received.Count)).RootElement.Clone();
        if (first.GetProperty("type").GetString() == "Begin")
        {
            await socket.SendAsync("""{"type":"Terminate"}"""u8.ToArray(), WebSocketMessageType.Text, true, timeout.Token);
        }

        while (socket.State == WebSocketState.Open)
        {
            await socket.ReceiveAsync(buffer, timeout.Token);
        }

        return (first, socket.CloseStatus);
    }

    private async Task<VerbatimServer> StartNodeAsync(string role)
    {
        var node = new VerbatimServer(new Dictionary<string, string>
        {
            ["Verbatim__Database__Provider"] = "Postgres",
            // Four nodes open their pools at once on a shared CI machine; Npgsql's 15 s connect timeout is too short there.
            ["Verbatim__Database__ConnectionString"] = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Timeout = 60 }.ToString(),
            ["Verbatim__Cluster__Role"] = role,
            ["Verbatim__Cluster__Redis"] = redis!.ConnectionString,
            ["Verbatim__Transcription__MaxConcurrentJobs"] = "1",
        }, dataDirectory);
        lock (nodes)
        {
            nodes.Add(node);
        }

        await node.StartAsync();
        return node;
    }

    private static async Task<(VerbatimServer Worker, string TranscriptId)> FirstJobStartedAsync(VerbatimServer[] workers, List<string> ids)
    {
        for (var deadline = DateTime.UtcNow.AddMinutes(2); DateTime.UtcNow < deadline; await Task.Delay(50))
        {
            foreach (var worker in workers)
            {
                if (ids.FirstOrDefault(id => worker.Log.Contains($"Transcribing {id}")) is { } id)
                {
                    return (worker, id);
                }
            }
        }

        throw new TimeoutException("No worker started a job within 2 minutes.");
    }

    public async Task DisposeAsync()
    {
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }

        if (redis is not null)
        {
            await redis.DisposeAsync();
        }

        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }

        await database.DisposeAsync();
    }
}
