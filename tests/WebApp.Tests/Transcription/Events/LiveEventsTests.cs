using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using WebApp.Tests.Api;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Transcription.Events;

/// <summary>/hubs/transcripts, with the job in the web process: a signed-in browser sees its team's transcripts move.</summary>
[Collection(ApiCollection.Name)]
public sealed class LiveEventsTests(ApiFixture fixture)
{
    [Fact]
    public async Task Hub_ShowsTheTeamsTranscript_GoingQueuedProcessingCompleted_AndNothingToOthers()
    {
        using var erin = await BrowserSession.RegisterAsync(fixture.Server.BaseAddress, $"erin-{Guid.NewGuid():N}@example.com");
        using var frank = await BrowserSession.RegisterAsync(fixture.Server.BaseAddress, $"frank-{Guid.NewGuid():N}@example.com");
        await using var erinWatches = await TranscriptWatcher.StartAsync(erin);
        await using var frankWatches = await TranscriptWatcher.StartAsync(frank);
        using var erinApi = new V2Client(fixture.Server.CreateClient(await fixture.Server.CreateApiKeyAsync(erin.Email)));

        var uploadUrl = await erinApi.UploadAsync(TestSpeech.Say(TestSpeech.Sentence));
        var id = (await erinApi.CreateTranscriptAsync(new { audio_url = uploadUrl })).GetProperty("id").GetString()!;
        var completed = await erinWatches.WaitForAsync(id, "completed");

        var seen = erinWatches.For(id);
        Assert.True(seen.Select(c => c.Status).Distinct().SequenceEqual(["queued", "processing", "completed"]), $"{string.Join(", ", seen)}\n{fixture.Server.Log}");
        var progress = seen.Where(c => c.Status == "processing").Select(c => c.Progress).ToList();
        Assert.Equal(progress.Order(), progress);
        Assert.Equal(100, completed.GetProperty("progress").GetInt32());
        Assert.Equal("completed", (await erinApi.GetAsync($"/v2/transcript/{id}")).Body.GetProperty("status").GetString());
        Assert.Empty(frankWatches.For(id));
    }

    [Fact]
    public async Task Hub_FailedTranscript_ArrivesAsErrorWithTheReason()
    {
        using var gina = await BrowserSession.RegisterAsync(fixture.Server.BaseAddress, $"gina-{Guid.NewGuid():N}@example.com");
        await using var watcher = await TranscriptWatcher.StartAsync(gina);
        using var api = new V2Client(fixture.Server.CreateClient(await fixture.Server.CreateApiKeyAsync(gina.Email)));

        var uploadUrl = await api.UploadAsync(TestSpeech.WriteFile(".mp3", Encoding.UTF8.GetBytes("not a song")));
        var id = (await api.CreateTranscriptAsync(new { audio_url = uploadUrl })).GetProperty("id").GetString()!;
        var failed = await watcher.WaitForAsync(id, "error");

        Assert.Contains("does not appear to contain audio", failed.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Hub_WithoutSignIn_RefusesTheConnection()
    {
        await using var anonymous = new HubConnectionBuilder().WithUrl(new Uri(fixture.Server.BaseAddress, "/hubs/transcripts")).Build();

        await Assert.ThrowsAnyAsync<Exception>(() => anonymous.StartAsync());
    }

    [Fact]
    public async Task Hub_Publish_FromABrowserWithoutTheEventsSecret_IsRefused()
    {
        using var hal = await BrowserSession.RegisterAsync(fixture.Server.BaseAddress, $"hal-{Guid.NewGuid():N}@example.com");
        await using var watcher = await TranscriptWatcher.StartAsync(hal);
        var forged = new { transcriptId = Guid.NewGuid(), teamId = Guid.NewGuid(), status = "completed", progress = 100, title = "x", error = (string?)null };

        var refusal = await Assert.ThrowsAsync<HubException>(() => watcher.Connection.InvokeAsync("Publish", forged));

        Assert.Contains("unauthorized", refusal.Message, StringComparison.OrdinalIgnoreCase);
    }
}
