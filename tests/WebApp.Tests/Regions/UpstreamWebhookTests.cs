using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Regions;

/// <summary>With a public URL configured, the upstream's webhook wakes the job instead of its next poll.</summary>
[Collection(RegionsCollection.Name)]
public sealed class UpstreamWebhookTests(RegionsFixture fixture)
{
    [Fact]
    public async Task PublicUrl_UpstreamWebhookWakesTheJob_LongBeforeItsNextPoll()
    {
        // Polls a minute apart: only the webhook can finish the job within the 40 s asserted below.
        await using var front = new VerbatimServer(new Dictionary<string, string>
        {
            ["Verbatim__Regions__eu__Kind"] = "AssemblyAI",
            ["Verbatim__Regions__eu__BaseUrl"] = fixture.Upstream.BaseAddress.ToString().TrimEnd('/'),
            ["Verbatim__Regions__eu__ApiKey"] = fixture.UpstreamKey,
            ["Verbatim__Regions__eu__PollSeconds"] = "60",
            ["Verbatim__Regions__eu__MaxPollSeconds"] = "60",
        });
        front.Configure("Verbatim__PublicUrl", front.BaseAddress.ToString().TrimEnd('/'));
        await front.StartAsync();
        var key = await front.CreateApiKeyAsync("carol@example.com");
        using var carol = new V2Client(front.CreateClient(key));

        await using var audio = File.OpenRead(TestSpeech.Say("the meeting starts at noon"));
        using var uploaded = await carol.Http.PostAsync("/eu/v2/upload", new StreamContent(audio));
        var uploadUrl = (await V2Client.ReadJsonAsync(uploaded)).GetProperty("upload_url").GetString();
        var clock = Stopwatch.StartNew();
        using var created = await carol.Http.PostAsJsonAsync("/eu/v2/transcript", new { audio_url = uploadUrl });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var id = (await V2Client.ReadJsonAsync(created)).GetProperty("id").GetString()!;

        var done = await carol.WaitForTranscriptAsync(id, TimeSpan.FromSeconds(40));
        Assert.True(done.GetProperty("status").GetString() == "completed", $"{done}\n{front.Log}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(40), clock.Elapsed.ToString());

        // A forged wake-up is refused.
        using var anonymous = new HttpClient { BaseAddress = front.BaseAddress };
        using var forged = new HttpRequestMessage(HttpMethod.Post, $"/regions/webhook/{id}");
        forged.Headers.Add("X-Verbatim-Region-Token", "forged");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.SendAsync(forged)).StatusCode);
    }
}
