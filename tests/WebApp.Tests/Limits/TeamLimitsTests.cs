using System.Net;
using System.Text.Json;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Limits;

/// <summary>
/// Per-team concurrency (queued beyond the limit with throttled: true, started in order, never in another team's way)
/// and the per-key request rate (429 with Retry-After), on the real server.
/// </summary>
public sealed class TeamLimitsTests : IAsyncLifetime
{
    private readonly VerbatimServer server = new(new Dictionary<string, string>
    {
        // Two jobs at once in the process, one per team: a second team's job has a free slot even while the first
        // team has a backlog.
        ["Verbatim__Transcription__MaxConcurrentJobs"] = "2",
        ["Verbatim__Limits__Default__MaxConcurrentJobs"] = "1",
    });

    public Task InitializeAsync() => server.StartAsync();

    [Fact]
    public async Task Burst_BeyondTheTeamLimit_IsThrottledStartsInOrder_AndAnotherTeamStartsAtOnce()
    {
        using var ann = new V2Client(server.CreateClient(await server.CreateApiKeyAsync("ann@example.com")));
        using var bob = new V2Client(server.CreateClient(await server.CreateApiKeyAsync("bob@example.com")));
        var speech = await ann.UploadAsync(TestSpeech.Say(TestSpeech.Sentence));

        var burst = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            burst.Add((await ann.CreateTranscriptAsync(new { audio_url = speech })).GetProperty("id").GetString()!);
        }

        var throttled = await ann.GetAsync("/v2/transcript?throttled_only=true");
        var bobs = await bob.CreateTranscriptAsync(new { audio_url = await bob.UploadAsync(TestSpeech.Say("hello there")) });

        // Ann's first is queued for a slot; the other three wait, throttled, and the list's filter finds exactly them.
        Assert.False(bobs.GetProperty("throttled").GetBoolean());
        Assert.Equal(
            burst.Skip(1).Order(),
            throttled.Body.GetProperty("transcripts").EnumerateArray().Select(t => t.GetProperty("id").GetString()!).Order());
        Assert.True((await ann.GetAsync($"/v2/transcript/{burst[3]}")).Body.GetProperty("throttled").GetBoolean());

        // Bob's job finishes while Ann's backlog is still there: her burst did not hold it back.
        var bobsDone = await bob.WaitForTranscriptAsync(bobs.GetProperty("id").GetString()!);
        Assert.Equal("completed", bobsDone.GetProperty("status").GetString());
        var annsLast = (await ann.GetAsync($"/v2/transcript/{burst[3]}")).Body;
        Assert.NotEqual("completed", annsLast.GetProperty("status").GetString());

        // Ann's run one at a time, in the order she sent them.
        var done = new List<JsonElement>();
        foreach (var id in burst)
        {
            done.Add(await ann.WaitForTranscriptAsync(id, TimeSpan.FromMinutes(4)));
        }

        Assert.All(done, t => Assert.Equal("completed", t.GetProperty("status").GetString()));
        Assert.All(done, t => Assert.False(t.GetProperty("throttled").GetBoolean()));
        var completedAt = await Task.WhenAll(burst.Select(id => server.ScalarAsync("SELECT CompletedAt FROM Transcripts WHERE upper(Id) = upper($id)", ("$id", id))));
        Assert.Equal(completedAt.Select(c => (string)c!).Order(StringComparer.Ordinal), completedAt.Select(c => (string)c!));
        Assert.Empty((await ann.GetAsync("/v2/transcript?throttled_only=true")).Body.GetProperty("transcripts").EnumerateArray());
    }

    public async Task DisposeAsync() => await server.DisposeAsync();
}

/// <summary>The request rate per API key: 429 with Retry-After and {"error"} past it, other keys untouched.</summary>
public sealed class ApiRateLimitTests : IAsyncLifetime
{
    private readonly VerbatimServer server = new(new Dictionary<string, string> { ["Verbatim__Limits__Default__RequestsPerMinute"] = "10" });

    public Task InitializeAsync() => server.StartAsync();

    [Fact]
    public async Task RequestsPastTheKeysRate_Get429WithRetryAfter_AndAnotherKeyIsServed()
    {
        using var ann = server.CreateClient(await server.CreateApiKeyAsync("ann@example.com"));
        using var bob = server.CreateClient(await server.CreateApiKeyAsync("bob@example.com"));

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 12 && refused is null; i++)
        {
            var response = await ann.GetAsync("/v2/transcript");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
        }

        Assert.NotNull(refused);
        // The bucket holds a minute's worth (10); what refilled meanwhile may let one or two more through.
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.OK), 10, 11);
        Assert.True(refused.Headers.RetryAfter?.Delta is { } wait && wait >= TimeSpan.FromSeconds(1), $"Retry-After: {refused.Headers.RetryAfter}");
        var body = await V2Client.ReadJsonAsync(refused);
        Assert.StartsWith("Too many requests", body.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync("/v2/transcript")).StatusCode);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();
}
