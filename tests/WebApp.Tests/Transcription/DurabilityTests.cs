using System.Text.Json;
using Microsoft.Data.Sqlite;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Transcription;

/// <summary>A server killed mid-job finishes the job after a restart, and runs it to completion only once.</summary>
public sealed class DurabilityTests
{
    [Fact]
    public async Task KillMidJob_Restart_JobsFinishOnceAndNothingIsLost()
    {
        var settings = new Dictionary<string, string> { ["Verbatim__Transcription__MaxConcurrentJobs"] = "1" };
        var first = new VerbatimServer(settings);
        await first.StartAsync();
        var key = await first.CreateApiKeyAsync("dana@example.com");
        var clips = WebApp.Tests.Transcription.LibrivoxClips.All.Select(c => c.Path).ToArray();
        var longAudio = TestSpeech.Concat([.. clips, .. clips, .. clips]);

        string processingId, queuedId;
        using (var client = new V2Client(first.CreateClient(key)))
        {
            processingId = (await client.CreateTranscriptAsync(new { audio_url = await client.UploadAsync(longAudio) })).GetProperty("id").GetString()!;
            queuedId = (await client.CreateTranscriptAsync(new { audio_url = await client.UploadAsync(TestSpeech.Say("still waiting in line")) })).GetProperty("id").GetString()!;
            await WaitForStatusAsync(client, processingId, "processing");
        }

        first.Kill();
        Assert.DoesNotContain($"Transcribed {processingId}", first.Log);

        await using var second = new VerbatimServer(settings, first.DataDirectory);
        await second.StartAsync();
        using (var client = new V2Client(second.CreateClient(key)))
        {
            var recovered = await client.WaitForTranscriptAsync(processingId);
            Assert.True(recovered.GetProperty("status").GetString() == "completed", $"{recovered}\n{second.Log}");
            Assert.True(recovered.GetProperty("words").GetArrayLength() > 50);
            var waited = await client.WaitForTranscriptAsync(queuedId);
            Assert.Equal("completed", waited.GetProperty("status").GetString());
        }

        // Give a duplicate firing, if there were one, the time to show itself.
        await Task.Delay(2000);
        Assert.Equal(1, Occurrences(second.Log, $"Transcribed {processingId}"));
        Assert.Equal(1, Occurrences(second.Log, $"Transcribed {queuedId}"));
    }

    [Fact]
    public async Task WebhookOwedAtACrash_IsSentAfterRestart_AndADeliveredOneIsNot()
    {
        using var host = new AudioHost();
        var url = host.WebhookUrl(200);
        var first = new VerbatimServer();
        await first.StartAsync();
        var key = await first.CreateApiKeyAsync("wes@example.com");
        string id;
        using (var client = new V2Client(first.CreateClient(key)))
        {
            id = (await client.CreateTranscriptAsync(new { audio_url = await client.UploadAsync(TestSpeech.Say("call me back")), webhook_url = url }))
                .GetProperty("id").GetString()!;
            await WaitForWebhookOutcomeAsync(client, id);
        }

        first.Kill();

        // A restart after a delivered webhook sends nothing more.
        var second = new VerbatimServer(dataDirectory: first.DataDirectory);
        await second.StartAsync();
        await Task.Delay(3000);
        Assert.Single(WebhookCalls(host));
        second.Kill();

        // The state a crash between finishing the transcript and queueing its webhook leaves: owed, with no job.
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(first.DataDirectory, "verbatim.db")};Pooling=false"))
        {
            await connection.OpenAsync();
            var update = connection.CreateCommand();
            update.CommandText = "UPDATE Transcripts SET WebhookPending = 1, WebhookStatusCode = NULL WHERE upper(Id) = upper($id)";
            update.Parameters.AddWithValue("$id", id);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        await using var third = new VerbatimServer(dataDirectory: first.DataDirectory);
        await third.StartAsync();
        await WaitForWebhookCallsAsync(host, 2);
        Assert.Contains($"Transcript {id} owed a webhook with no job", third.Log);
        using var after = new V2Client(third.CreateClient(key));
        await WaitForWebhookOutcomeAsync(after, id);
    }

    private static async Task WaitForWebhookOutcomeAsync(V2Client client, string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while ((await client.GetAsync($"/v2/transcript/{id}")).Body.GetProperty("webhook_status_code").ValueKind == JsonValueKind.Null)
        {
            Assert.True(DateTime.UtcNow < deadline, $"no webhook outcome recorded for {id}");
            await Task.Delay(100);
        }
    }

    private static List<ReceivedWebhook> WebhookCalls(AudioHost host)
    {
        lock (host.Webhooks)
        {
            return [.. host.Webhooks];
        }
    }

    private static async Task WaitForWebhookCallsAsync(AudioHost host, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (WebhookCalls(host).Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {WebhookCalls(host).Count} of {count} webhook calls");
            await Task.Delay(100);
        }
    }

    private static async Task WaitForStatusAsync(V2Client client, string id, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await client.GetAsync($"/v2/transcript/{id}")).Body.GetProperty("status").GetString() != status)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{id} never reached {status}");
            await Task.Delay(100);
        }
    }

    private static int Occurrences(string text, string value) => (text.Length - text.Replace(value, "").Length) / value.Length;
}
