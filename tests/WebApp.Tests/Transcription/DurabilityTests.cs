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
