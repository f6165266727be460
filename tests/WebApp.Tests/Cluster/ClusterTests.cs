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
    public async Task Streaming_ATokenMadeOnOneWebNodeWorksOnceInTheCluster_AndTheTeamsSessionLimitIsTheClusters()
    {
        var webA = await StartNodeAsync("Web");
        var webB = await StartNodeAsync("Web");
        using var ivy = await BrowserSession.RegisterAsync(webA.BaseAddress, "ivy@example.com");
        var apiKey = await webA.CreateApiKeyAsync(ivy.Email);
        using var api = webA.CreateClient(apiKey);

        var token = await TokenAsync(api);
        var (onB, _) = await OpenStreamAsync(webB, token);
        var (onA, closedWith) = await OpenStreamAsync(webA, token);

        Assert.Equal("Begin", onB.GetProperty("type").GetString());
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, closedWith);
        Assert.Equal("Unauthorized Connection: Invalid token", onA.GetProperty("error").GetString());

        // The team may have one session (StartNodeAsync): one open on A fills it for B too, and frees it on closing.
        using var held = new ClientWebSocket();
        await held.ConnectAsync(StreamUrl(webA, await TokenAsync(api)), CancellationToken.None);
        var begin = new byte[8192];
        Assert.Contains("Begin", System.Text.Encoding.UTF8.GetString(begin, 0, (await held.ReceiveAsync(begin, CancellationToken.None)).Count));
        var (whileHeld, closedWhileHeld) = await OpenStreamAsync(webB, await TokenAsync(api));
        await held.SendAsync("""{"type":"Terminate"}"""u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
        while (held.State == WebSocketState.Open)
        {
            await held.ReceiveAsync(begin, CancellationToken.None);
        }

        // The closed session's place is given back as its handler ends, a moment after the client sees the close.
        var (afterwards, _) = await OpenStreamAsync(webB, await TokenAsync(api));
        for (var deadline = DateTime.UtcNow.AddSeconds(10); afterwards.GetProperty("type").GetString() != "Begin" && DateTime.UtcNow < deadline;)
        {
            await Task.Delay(200);
            (afterwards, _) = await OpenStreamAsync(webB, await TokenAsync(api));
        }

        Assert.Equal((WebSocketCloseStatus)3009, closedWhileHeld);
        Assert.Equal("Unauthorized Connection: Too many concurrent sessions", whileHeld.GetProperty("error").GetString());
        Assert.Equal("Begin", afterwards.GetProperty("type").GetString());

        // Redis goes away: a new session cannot be counted against the team's limit, so it ends with AssemblyAI's 3005
        // rather than being let past it, and the node says why in its log.
        var tokenMadeBeforeTheOutage = await TokenAsync(api);
        await redis!.StopAsync();
        var (withRedisDown, closedWithRedisDown) = await OpenStreamAsync(webB, token: null, apiKey);
        Assert.Equal((WebSocketCloseStatus)3005, closedWithRedisDown);
        Assert.Equal("Session Cancelled: An error occurred", withRedisDown.GetProperty("error").GetString());
        // The server's output reaches the test a moment after the client sees the close.
        for (var deadline = DateTime.UtcNow.AddSeconds(10); !webB.Log.Contains("Live sessions could not be counted in Redis") && DateTime.UtcNow < deadline;)
        {
            await Task.Delay(100);
        }

        Assert.Contains("Live sessions could not be counted in Redis", webB.Log);

        // Nor can a token be made or redeemed: 503 with AssemblyAI's error shape, and 3005 for one made before.
        using var tokenWithRedisDown = await api.GetAsync("/v3/token?expires_in_seconds=60");
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, tokenWithRedisDown.StatusCode);
        Assert.Contains("cannot be issued", JsonDocument.Parse(await tokenWithRedisDown.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        var (redeemedWithRedisDown, redeemClosed) = await OpenStreamAsync(webA, tokenMadeBeforeTheOutage);
        Assert.Equal((WebSocketCloseStatus)3005, redeemClosed);
        Assert.Equal("Session Cancelled: An error occurred", redeemedWithRedisDown.GetProperty("error").GetString());
    }

    private static async Task<string> TokenAsync(HttpClient api)
    {
        using var response = await api.GetAsync("/v3/token?expires_in_seconds=60");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
    }

    private static Uri StreamUrl(VerbatimServer node, string? token) =>
        new UriBuilder(node.BaseAddress)
        {
            Scheme = node.BaseAddress.Scheme == "https" ? "wss" : "ws",
            Path = "/v3/ws",
            Query = token is null ? "sample_rate=16000" : $"sample_rate=16000&token={token}",
        }.Uri;

    /// <summary>The first message of a /v3/ws session opened with <paramref name="token"/> (or an API key), and how it closed if it did.</summary>
    private static async Task<(JsonElement First, WebSocketCloseStatus? Closed)> OpenStreamAsync(VerbatimServer node, string? token, string? apiKey = null)
    {
        using var socket = new ClientWebSocket();
        if (apiKey is not null)
        {
            socket.Options.SetRequestHeader("Authorization", apiKey);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await socket.ConnectAsync(StreamUrl(node, token), timeout.Token);
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
            ["Verbatim__Streaming__MaxSessionsPerTeam"] = "1",
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
