using System.Text.Json;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Api;

/// <summary>webhook_url: AssemblyAI's {transcript_id, status} POST, retried on 5xx, stopped by 4xx.</summary>
public sealed class WebhookTests : IAsyncLifetime
{
    private readonly AudioHost host = new();
    private readonly VerbatimServer server = new(new Dictionary<string, string>
    {
        // Short delays so that the retry tests take seconds; the defaults are AssemblyAI's 10 tries 10 s apart.
        ["Verbatim__Webhooks__Attempts"] = "3",
        ["Verbatim__Webhooks__DelaySeconds"] = "0.2",
        ["Verbatim__Webhooks__TimeoutSeconds"] = "2",
    });

    private readonly HostileHttpServer hostile = new();

    private V2Client client = null!;

    public async Task InitializeAsync()
    {
        await server.StartAsync();
        client = new V2Client(server.CreateClient(await server.CreateApiKeyAsync("wendy@example.com")));
    }

    [Fact]
    public async Task Completed_PostsTranscriptIdAndStatusWithTheAuthHeader()
    {
        var url = host.WebhookUrl(200);
        var created = await client.CreateTranscriptAsync(new
        {
            audio_url = await client.UploadAsync(TestSpeech.Say("call me back")),
            webhook_url = url,
            webhook_auth_header_name = "X-Verbatim-Secret",
            webhook_auth_header_value = "s3cret",
        });
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal(url, created.GetProperty("webhook_url").GetString());
        Assert.True(created.GetProperty("webhook_auth").GetBoolean());
        Assert.Equal("X-Verbatim-Secret", created.GetProperty("webhook_auth_header_name").GetString());
        Assert.DoesNotContain("s3cret", created.ToString());

        var transcript = await WaitForWebhookStatusAsync(id);
        Assert.Equal(200, transcript.GetProperty("webhook_status_code").GetInt32());
        var call = Assert.Single(CallsTo(url));
        var body = JsonDocument.Parse(call.Body).RootElement;
        Assert.Equal(id, body.GetProperty("transcript_id").GetString());
        Assert.Equal("completed", body.GetProperty("status").GetString());
        Assert.Equal("s3cret", call.Headers["X-Verbatim-Secret"]);
    }

    [Fact]
    public async Task RedactedAudio_SendsAssemblyAIsSecondNotification_WhoseUrlDownloadsTheFile()
    {
        var url = host.WebhookUrl(200);
        var created = await client.CreateTranscriptAsync(new
        {
            audio_url = await client.UploadAsync(TestSpeech.Say("call me back")),
            redact_pii = true,
            redact_pii_policies = new[] { "phone_number" },
            redact_pii_audio = true,
            webhook_url = url,
            webhook_auth_header_name = "X-Verbatim-Secret",
            webhook_auth_header_value = "s3cret",
        });
        var id = created.GetProperty("id").GetString()!;

        var transcript = await WaitForWebhookStatusAsync(id);
        Assert.Equal("completed", transcript.GetProperty("status").GetString());
        var calls = CallsTo(url);
        Assert.Equal(2, calls.Count);
        Assert.Equal("completed", JsonDocument.Parse(calls[0].Body).RootElement.GetProperty("status").GetString());
        Assert.All(calls, call => Assert.Equal("s3cret", call.Headers["X-Verbatim-Secret"]));

        // AssemblyAI's RedactedAudioNotification: these two fields and no others.
        var ready = JsonDocument.Parse(calls[1].Body).RootElement;
        Assert.Equal(["redacted_audio_url", "status"], ready.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("redacted_audio_ready", ready.GetProperty("status").GetString());
        var audioUrl = ready.GetProperty("redacted_audio_url").GetString()!;
        Assert.StartsWith($"{server.BaseAddress}v2/redacted-audio/{id}.mp3?token=", audioUrl);
        using var anonymous = new HttpClient();
        using var download = await anonymous.GetAsync(audioUrl);
        Assert.Equal(System.Net.HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("audio/mpeg", download.Content.Headers.ContentType?.MediaType);
        Assert.True((await download.Content.ReadAsByteArrayAsync()).Length > 1000);
    }

    [Fact]
    public async Task Error_IsReportedToo()
    {
        var url = host.WebhookUrl(204);
        var created = await client.CreateTranscriptAsync(new { audio_url = host.Url("/no-such-file.mp3"), webhook_url = url });
        var transcript = await WaitForWebhookStatusAsync(created.GetProperty("id").GetString()!);
        Assert.Equal(204, transcript.GetProperty("webhook_status_code").GetInt32());
        Assert.Equal("error", JsonDocument.Parse(Assert.Single(CallsTo(url)).Body).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ServerError_IsRetriedUpToTheConfiguredAttempts()
    {
        var url = host.WebhookUrl(503);
        var created = await client.CreateTranscriptAsync(new { audio_url = host.Url("/no-such-file.mp3"), webhook_url = url });
        var transcript = await WaitForWebhookStatusAsync(created.GetProperty("id").GetString()!);
        Assert.Equal(503, transcript.GetProperty("webhook_status_code").GetInt32());
        Assert.Equal(3, CallsTo(url).Count);
    }

    [Fact]
    public async Task ClientError_StopsTheRetries()
    {
        var url = host.WebhookUrl(410);
        var created = await client.CreateTranscriptAsync(new { audio_url = host.Url("/no-such-file.mp3"), webhook_url = url });
        var transcript = await WaitForWebhookStatusAsync(created.GetProperty("id").GetString()!);
        Assert.Equal(410, transcript.GetProperty("webhook_status_code").GetInt32());
        Assert.Single(CallsTo(url));
    }

    [Theory]
    [InlineData("""{"audio_url": "http://example.com/a.mp3", "webhook_url": "not a url"}""", "webhook_url must be an absolute http or https URL")]
    [InlineData("""{"audio_url": "http://example.com/a.mp3", "webhook_url": "http://example.com/hook", "webhook_auth_header_name": "X-A"}""", "must be given together")]
    public async Task Create_WithBadWebhookSettings_Returns400(string body, string expected)
    {
        using var response = await client.Http.PostAsync("/v2/transcript", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await V2Client.ReadJsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task ReceiverThatStreamsForever_IsReadNoFurtherThanAFewKilobytes()
    {
        var created = await client.CreateTranscriptAsync(new { audio_url = host.Url("/no-such-file.mp3"), webhook_url = hostile.Url("/stream") });

        var transcript = await WaitForWebhookStatusAsync(created.GetProperty("id").GetString()!);
        Assert.Equal(200, transcript.GetProperty("webhook_status_code").GetInt32());
        await Task.Delay(500);
        var afterDelivery = hostile.StreamedBytes;
        await Task.Delay(1000);
        // The connection was closed: the sink's writes fail and stop (socket buffers take what was written before).
        Assert.Equal(afterDelivery, hostile.StreamedBytes);
        Assert.True(afterDelivery < 8 << 20, $"{afterDelivery} bytes were taken from the receiver");
    }

    [Theory]
    [InlineData("/hang")]
    [InlineData("/slow-body")]
    public async Task ReceiverThatStalls_EndsWithinTheTimeoutOfEachTry(string path)
    {
        var started = DateTime.UtcNow;
        var created = await client.CreateTranscriptAsync(new { audio_url = host.Url("/no-such-file.mp3"), webhook_url = hostile.Url(path) });
        var id = created.GetProperty("id").GetString()!;
        await client.WaitForTranscriptAsync(id);

        while (await server.IsWebhookPendingAsync(id))
        {
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(40), $"the webhook to {path} is still pending\n{server.Log}");
            await Task.Delay(200);
        }

        var (_, transcript) = await client.GetAsync($"/v2/transcript/{id}");
        // A stalled body still gave a status; a receiver that never answered gave none.
        Assert.Equal(path == "/hang" ? JsonValueKind.Null : JsonValueKind.Number, transcript.GetProperty("webhook_status_code").ValueKind);
    }

    [Theory]
    [InlineData("X-Secret", "a\r\nX-Injected: 1")]
    [InlineData("X-Secret", "a\nb")]
    [InlineData("X-Secret", "nul\u0000")]
    [InlineData("X-Secret\r\nX-Injected", "a")]
    [InlineData("Host", "internal.example")]
    [InlineData("Content-Length", "0")]
    [InlineData("X Secret", "a")]
    public async Task Create_WithHeaderThatWouldSplitTheRequest_Returns400(string name, string value)
    {
        var (status, body) = await client.PostTranscriptAsync(new
        {
            audio_url = host.Url("/a.mp3"), webhook_url = host.WebhookUrl(200), webhook_auth_header_name = name, webhook_auth_header_value = value,
        });

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, status);
        Assert.StartsWith("webhook_auth_header_", body.GetProperty("error").GetString());
    }

    public async Task DisposeAsync()
    {
        hostile.Dispose();
        client.Dispose();
        host.Dispose();
        await server.DisposeAsync();
    }

    private List<ReceivedWebhook> CallsTo(string url)
    {
        lock (host.Webhooks)
        {
            return host.Webhooks.Where(w => url.EndsWith(w.Path, StringComparison.Ordinal)).ToList();
        }
    }

    private async Task<JsonElement> WaitForWebhookStatusAsync(string id)
    {
        await client.WaitForTranscriptAsync(id);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var (_, transcript) = await client.GetAsync($"/v2/transcript/{id}");
            if (transcript.GetProperty("webhook_status_code").ValueKind != JsonValueKind.Null)
            {
                return transcript;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no webhook outcome for {id}\n{server.Log}");
            await Task.Delay(200);
        }
    }
}
