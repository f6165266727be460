using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.EndToEnd;

/// <summary>
/// The bad-input campaign: over sixty hostile or broken requests, each with the answer expected, against the built
/// server running as its own process with private addresses refused. Afterwards: no 5xx, every /v2 error in
/// AssemblyAI's {"error": "…"} shape, a normal job submitted at the start has completed, and once the transcripts
/// are deleted no upload, scratch file or live row is left.
/// </summary>
public sealed class BadInputCampaignTests : IAsyncLifetime
{
    private const long UploadLimit = 20_000_000;
    private const long Quota = 8_000_000;
    private const int StatusCodes507 = 507;

    private readonly HostileHttpServer hostile = new(IPAddress.Any);
    private readonly VerbatimServer server;
    private readonly List<(string Case, int Status, string Body, string Path)> answers = [];
    private readonly List<string> failures = [];
    private HttpClient ann = null!;
    private HttpClient bob = null!;
    private HttpClient anonymous = null!;

    public BadInputCampaignTests()
    {
        var scratch = Directory.CreateTempSubdirectory("verbatim-campaign-scratch-").FullName;
        server = new VerbatimServer(new Dictionary<string, string>
        {
            ["Verbatim__Fetch__AllowPrivateAddresses"] = "false",
            // 127.0.0.3 stands in for a public host: the first hop of a redirect, a webhook receiver that misbehaves.
            ["Verbatim__Fetch__AllowedNetworks__0"] = "127.0.0.3/32",
            ["Verbatim__Fetch__TimeoutSeconds"] = "5",
            ["Verbatim__Uploads__MaxBytes"] = UploadLimit.ToString(),
            ["Verbatim__Limits__MaxAudioHours"] = "0.5",
            ["Verbatim__Limits__MaxChannels"] = "8",
            ["Verbatim__Limits__Default__StorageQuotaBytes"] = Quota.ToString(),
            ["Verbatim__Webhooks__Attempts"] = "2",
            ["Verbatim__Webhooks__DelaySeconds"] = "0.2",
            ["Verbatim__Webhooks__TimeoutSeconds"] = "2",
            ["Verbatim__Engines__PocketSphinx__ScratchDirectory"] = scratch,
            ["Verbatim__PublicUrl"] = "http://localhost:{port}",
        });
        ScratchDirectory = scratch;
    }

    private string ScratchDirectory { get; }

    public async Task InitializeAsync()
    {
        await server.StartAsync();
        ann = server.CreateClient(await server.CreateApiKeyAsync("ann@example.com"));
        bob = server.CreateClient(await server.CreateApiKeyAsync("bob@example.com"));
        anonymous = server.CreateClient(apiKey: null);
        // App routes answer a missing sign-in with a redirect: seen as it is, not followed.
        bobWithoutRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        bobWithoutRedirects.DefaultRequestHeaders.TryAddWithoutValidation("authorization", bob.DefaultRequestHeaders.GetValues("authorization").Single());
    }

    private HttpClient bobWithoutRedirects = null!;

    [Fact]
    public async Task Campaign_HostileRequests_GetTheirExpectedAnswers_NoServerErrors_NothingLeftBehind()
    {
        // The normal job, submitted first and checked last: the campaign must not stop it.
        var normalUpload = await UploadAsync(ann, "normal", File.ReadAllBytes(TestSpeech.Say(TestSpeech.Sentence)), 200);
        var normal = await SubmitAsync(ann, "normal job", new { audio_url = normalUpload }, 200);

        // Ann's completed transcript is what Bob then reaches for.
        var annsId = normal!;
        var bobsUpload = await UploadAsync(bob, "bob's upload", File.ReadAllBytes(TestSpeech.Say("hello there")), 200);
        var bobsId = (await SubmitAsync(bob, "bob's job", new { audio_url = bobsUpload }, 200))!;
        await WaitAsync(ann, annsId, "completed", null);
        await WaitAsync(bob, bobsId, "completed", null);

        await KeysAsync();
        await OtherTeamsIdsAsync(annsId, normalUpload!);
        await MalformedJsonAsync();
        await OverLongAndOddStringsAsync(annsId);
        await PathTraversalAsync();
        var jobs = new List<(string Id, string ErrorContains)>();
        await SsrfAsync(jobs);
        await WebhooksAsync(jobs);
        await HostileMediaAsync(jobs);
        await UploadLimitsAsync();
        await ProxyHeadersAsync();

        foreach (var (id, expected) in jobs)
        {
            await WaitAsync(ann, id, "error", expected);
        }

        // No SSRF job reached the server behind the addresses (only the allowed redirect's first hop did).
        Assert.DoesNotContain(hostile.Requests, r => r.StartsWith("GET /a.mp3", StringComparison.Ordinal));
        var completed = await GetJsonAsync(ann, $"/v2/transcript/{annsId}");
        Assert.Contains("park", completed.GetProperty("text").GetString()!, StringComparison.OrdinalIgnoreCase);

        Assert.True(answers.Count >= 60, $"only {answers.Count} requests were made");
        Assert.True(failures.Count == 0, $"{failures.Count} of {answers.Count} answers were not as expected:\n{string.Join('\n', failures)}\n{server.Log}");
        // 507 is the storage quota's deliberate answer (the issue asks for it); any other 5xx is a server error.
        Assert.DoesNotContain(answers, a => a.Status >= 500 && a.Status != StatusCodes507);
        foreach (var answer in answers.Where(a => a.Status >= 400 && a.Path.StartsWith("/v2", StringComparison.Ordinal)))
        {
            using var document = JsonDocument.Parse(answer.Body);
            Assert.True(document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String, $"{answer.Case}: {answer.Body}");
        }

        // Credentials and signatures in an audio_url never reach the log.
        Assert.DoesNotContain("s3cretpass", server.Log);
        Assert.DoesNotContain("sig0123456789", server.Log);

        await SharedUploadOutlivesOneDeletionAsync(annsId, normalUpload!);
        await NothingLeftBehindAsync();
    }

    /// <summary>Two transcripts of one upload: deleting one keeps the file for the other.</summary>
    private async Task SharedUploadOutlivesOneDeletionAsync(string firstId, string uploadUrl)
    {
        var second = (await SubmitAsync(ann, "second transcript of one upload", new { audio_url = uploadUrl }, 200))!;
        await WaitAsync(ann, second, "completed", null);
        using var deleted = await ann.DeleteAsync($"/v2/transcript/{firstId}");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var uploadId = uploadUrl[(uploadUrl.LastIndexOf('/') + 1)..];
        Assert.Equal(1L, await server.ScalarAsync("SELECT COUNT(*) FROM Uploads WHERE upper(Id) = upper($id)", ("$id", uploadId)));
        Assert.Single(Directory.EnumerateFiles(Path.Combine(server.DataDirectory, "uploads"), uploadId, SearchOption.AllDirectories));
    }

    private async Task KeysAsync()
    {
        await ExpectAsync(anonymous, "no key", HttpMethod.Get, "/v2/transcript", null, 401, "Authentication error");
        await ExpectAsync(WithKey("not-a-key"), "wrong key", HttpMethod.Get, "/v2/transcript", null, 401, "Authentication error");
        await ExpectAsync(WithKey("Bearer "), "empty bearer", HttpMethod.Get, "/v2/transcript", null, 401, "Authentication error");
        await ExpectAsync(WithKey(new string('k', 10_000)), "10 kB key", HttpMethod.Get, "/v2/transcript", null, 401, "Authentication error");
        await ExpectAsync(WithKey("' OR 1=1 --"), "SQL in the key", HttpMethod.Get, "/v2/transcript", null, 401, "Authentication error");
        await ExpectAsync(anonymous, "no key upload", HttpMethod.Post, "/v2/upload", new ByteArrayContent([1, 2, 3]), 401, "Authentication error");
        await ExpectAsync(bobWithoutRedirects, "API key on the hub", HttpMethod.Post, "/hubs/transcripts/negotiate?negotiateVersion=1", null, [401, 302], null);
    }

    private async Task OtherTeamsIdsAsync(string annsId, string annsUpload)
    {
        foreach (var path in new[] { "", "/sentences", "/paragraphs", "/srt", "/vtt", "/word-search?words=park", "/redacted-audio" })
        {
            await ExpectAsync(bob, $"bob reads ann's {path}", HttpMethod.Get, $"/v2/transcript/{annsId}{path}", null, 404, "Transcript not found");
        }

        await ExpectAsync(bob, "bob deletes ann's", HttpMethod.Delete, $"/v2/transcript/{annsId}", null, 404, "Transcript not found");
        await ExpectAsync(bob, "bob pages from ann's", HttpMethod.Get, $"/v2/transcript?before_id={annsId}", null, 400, "before_id");
        await ExpectAsync(bob, "bob uses ann's upload", HttpMethod.Post, "/v2/transcript", Json(new { audio_url = annsUpload }), 403, "Cannot access uploaded file");
        await ExpectAsync(bobWithoutRedirects, "bob's key on ann's reader audio", HttpMethod.Get, $"/app/transcripts/{annsId}/audio", null, [401, 302], null);
        await ExpectAsync(bobWithoutRedirects, "bob's key on ann's export", HttpMethod.Get, $"/app/transcripts/{annsId}/export/txt", null, [401, 302], null);
        await ExpectAsync(anonymous, "a made-up share link", HttpMethod.Get, $"/s/{new string('A', 43)}/audio", null, 404, null);
        await ExpectAsync(anonymous, "a made-up share export", HttpMethod.Get, $"/s/{new string('A', 43)}/export/txt", null, 404, null);
        await ExpectAsync(anonymous, "a forged redacted-audio link", HttpMethod.Get, $"/v2/redacted-audio/{annsId}.mp3?token=forged", null, 403, null);
    }

    private async Task MalformedJsonAsync()
    {
        await ExpectAsync(ann, "truncated JSON", HttpMethod.Post, "/v2/transcript", Raw("{\"audio_url\": "), 400, null);
        await ExpectAsync(ann, "JSON array", HttpMethod.Post, "/v2/transcript", Raw("[]"), 400, null);
        await ExpectAsync(ann, "JSON null", HttpMethod.Post, "/v2/transcript", Raw("null"), 400, "JSON object");
        await ExpectAsync(ann, "JSON string", HttpMethod.Post, "/v2/transcript", Raw("\"x\""), 400, null);
        await ExpectAsync(ann, "empty body", HttpMethod.Post, "/v2/transcript", Raw(""), 400, null);
        await ExpectAsync(ann, "not JSON at all", HttpMethod.Post, "/v2/transcript", Raw("audio_url=http://a/b"), 400, null);
        await ExpectAsync(ann, "2 MB JSON", HttpMethod.Post, "/v2/transcript", Raw($"{{\"audio_url\": \"http://a.example/{new string('a', 2_000_000)}\"}}"), 413, "too large");
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($"{{\"prompt\": \"{new string('a', 2_000_000)}\"}}")));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        await ExpectAsync(ann, "2 MB JSON without a length", HttpMethod.Post, "/v2/transcript", chunked, 413, "too large", chunkedBody: true);
        await ExpectAsync(ann, "nested 200 deep", HttpMethod.Post, "/v2/transcript", Raw(new string('[', 200) + new string(']', 200)), 400, null);
        await ExpectAsync(ann, "nested object option", HttpMethod.Post, "/v2/transcript", Raw("{\"audio_url\":\"http://a.example/a.mp3\",\"speaker_options\":" + string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100) + "}"), 400, null);
        await ExpectAsync(ann, "punctuate as a string", HttpMethod.Post, "/v2/transcript", Raw("{\"audio_url\":\"http://a.example/a.mp3\",\"punctuate\":\"yes\"}"), 400, "punctuate must be a Boolean");
        await ExpectAsync(ann, "speakers_expected as text", HttpMethod.Post, "/v2/transcript", Raw("{\"audio_url\":\"http://a.example/a.mp3\",\"speakers_expected\":\"two\"}"), 400, "speakers_expected must be an Integer");
        await ExpectAsync(ann, "speakers_expected huge", HttpMethod.Post, "/v2/transcript", Raw("{\"audio_url\":\"http://a.example/a.mp3\",\"speaker_labels\":true,\"speakers_expected\":99999999999}"), 400, null);
        await ExpectAsync(ann, "audio_url as a number", HttpMethod.Post, "/v2/transcript", Raw("{\"audio_url\":123}"), 400, "audio_url must be a String");
        await ExpectAsync(ann, "keyterms of numbers", HttpMethod.Post, "/v2/transcript", Raw("{\"audio_url\":\"http://a.example/a.mp3\",\"keyterms_prompt\":[1,2]}"), 400, "keyterms_prompt");
        await ExpectAsync(ann, "custom_spelling as a string", HttpMethod.Post, "/v2/transcript", Raw("{\"audio_url\":\"http://a.example/a.mp3\",\"custom_spelling\":\"x\"}"), 400, "custom_spelling");
        await ExpectAsync(ann, "NaN threshold", HttpMethod.Post, "/v2/transcript", Raw("{\"audio_url\":\"http://a.example/a.mp3\",\"speech_threshold\":NaN}"), 400, null);
        await ExpectAsync(ann, "missing audio_url", HttpMethod.Post, "/v2/transcript", Json(new { punctuate = true }), 400, "audio_url is required");
        await ExpectAsync(ann, "list limit as text", HttpMethod.Get, "/v2/transcript?limit=abc", null, 400, "limit");
        await ExpectAsync(ann, "list limit negative", HttpMethod.Get, "/v2/transcript?limit=-1", null, 400, "limit");
        await ExpectAsync(ann, "throttled_only as text", HttpMethod.Get, "/v2/transcript?throttled_only=maybe", null, 400, "throttled_only");
    }

    private async Task OverLongAndOddStringsAsync(string annsId)
    {
        const string audio = "http://a.example/a.mp3";
        await ExpectAsync(ann, "NUL in audio_url", HttpMethod.Post, "/v2/transcript", Json(new { audio_url = "http://a.example/a\u0000.mp3" }), 400, null);
        await ExpectAsync(ann, "5000-char audio_url", HttpMethod.Post, "/v2/transcript", Json(new { audio_url = "http://a.example/" + new string('a', 5000) }), 400, "audio_url is too long");
        await ExpectAsync(ann, "CR/LF in webhook_url", HttpMethod.Post, "/v2/transcript", Json(new { audio_url = audio, webhook_url = "http://a.example/\r\nX: y" }), 400, null);
        await ExpectAsync(ann, "NUL in a key term", HttpMethod.Post, "/v2/transcript", Json(new { audio_url = audio, keyterms_prompt = new[] { "Ok\u0000konkwo" } }), 400, "keyterms_prompt");
        await ExpectAsync(ann, "300-char unicode key term", HttpMethod.Post, "/v2/transcript", Json(new { audio_url = audio, keyterms_prompt = new[] { string.Concat(Enumerable.Repeat("ñé字", 100)) } }), 400, "keyterms_prompt");
        await ExpectAsync(ann, "1001 key terms", HttpMethod.Post, "/v2/transcript", Json(new { audio_url = audio, keyterms_prompt = Enumerable.Range(0, 1001).Select(i => $"term{i}").ToArray() }), 400, "at most 1000");
        await ExpectAsync(ann, "hyphenated 7-word key term", HttpMethod.Post, "/v2/transcript", Json(new { audio_url = audio, keyterms_prompt = new[] { "a-b-c-d-e-f-g" } }), 400, "at most 6 words");
        await ExpectAsync(ann, "1001 custom spellings", HttpMethod.Post, "/v2/transcript", Json(new { audio_url = audio, custom_spelling = Enumerable.Range(0, 1001).Select(i => new { from = new[] { $"w{i}" }, to = "W" }).ToArray() }), 400, "custom_spelling");
        await ExpectAsync(ann, "custom spelling of 5000 chars", HttpMethod.Post, "/v2/transcript", Json(new { audio_url = audio, custom_spelling = new[] { new { from = new[] { "a" }, to = new string('b', 5000) } } }), 400, "custom_spelling");
        await ExpectAsync(ann, "101 policies", HttpMethod.Post, "/v2/transcript", Json(new { audio_url = audio, redact_pii = true, redact_pii_policies = Enumerable.Repeat("person_name", 101).ToArray() }), 400, "redact_pii_policies");
        await ExpectAsync(ann, "21 speech models", HttpMethod.Post, "/v2/transcript", Json(new { audio_url = audio, speech_models = Enumerable.Repeat("nano", 21).ToArray() }), 400, "speech_models");
        await ExpectAsync(ann, "10k-char language_code", HttpMethod.Post, "/v2/transcript", Json(new { audio_url = audio, language_code = new string('e', 10_000) }), 400, "language_code");
        await ExpectAsync(ann, "10k-char webhook header", HttpMethod.Post, "/v2/transcript", Json(new { audio_url = audio, webhook_url = "http://a.example/h", webhook_auth_header_name = "X-A", webhook_auth_header_value = new string('v', 10_000) }), 400, "webhook_auth_header_value");
        await ExpectAsync(ann, "101 search terms", HttpMethod.Get, $"/v2/transcript/{annsId}/word-search?words={string.Join(',', Enumerable.Range(0, 101).Select(i => $"w{i}"))}", null, 400, "at most 100");
        await ExpectAsync(ann, "5000-char search term", HttpMethod.Get, $"/v2/transcript/{annsId}/word-search?words={new string('w', 5000)}", null, 400, "at most 100");
        await ExpectAsync(ann, "NUL and emoji search", HttpMethod.Get, $"/v2/transcript/{annsId}/word-search?words=%00,%F0%9F%98%80", null, 200, null);
    }

    private async Task PathTraversalAsync()
    {
        await ExpectAsync(ann, "traversal id", HttpMethod.Get, "/v2/transcript/..%2F..%2Fverbatim.db", null, 404, null);
        await ExpectAsync(ann, "nil id", HttpMethod.Get, "/v2/transcript/00000000-0000-0000-0000-000000000000", null, 404, "Transcript not found");
        await ExpectAsync(ann, "dot-dot id", HttpMethod.Get, "/v2/transcript/%2e%2e/%2e%2e/upload", null, [404, 405], null);
        await ExpectAsync(ann, "traversal delete", HttpMethod.Delete, "/v2/transcript/..%2Fuploads", null, 404, null);
        await ExpectAsync(anonymous, "traversal redacted audio", HttpMethod.Get, "/v2/redacted-audio/..%2F..%2Fverbatim.db?token=x", null, [403, 404], null);
        await ExpectAsync(ann, "upload_url with traversal", HttpMethod.Post, "/v2/transcript", Json(new { audio_url = $"http://localhost:{server.Port}/v2/upload/..%2F..%2Fverbatim.db" }), 400, "Upload not found");
        await ExpectAsync(ann, "file: audio_url", HttpMethod.Post, "/v2/transcript", Json(new { audio_url = "file:///etc/passwd" }), 400, "http or https");
        await ExpectAsync(ann, "gopher: audio_url", HttpMethod.Post, "/v2/transcript", Json(new { audio_url = "gopher://127.0.0.1:6379/_FLUSHALL" }), 400, "http or https");
    }

    private async Task SsrfAsync(List<(string Id, string ErrorContains)> jobs)
    {
        const string refused = "does not resolve to a public internet address";
        var port = hostile.Port;
        var urls = new (string Case, string Url)[]
        {
            ("loopback", $"http://127.0.0.1:{port}/a.mp3"),
            ("localhost", $"http://localhost:{port}/a.mp3"),
            ("private 10/8", "http://10.0.0.1/a.mp3"),
            ("metadata", "http://169.254.169.254/latest/meta-data/"),
            ("IPv6 loopback", $"http://[::1]:{port}/a.mp3"),
            ("IPv4-mapped IPv6", $"http://[::ffff:127.0.0.1]:{port}/a.mp3"),
            ("NAT64", $"http://[64:ff9b::7f00:1]:{port}/a.mp3"),
            ("6to4", $"http://[2002:7f00:1::1]:{port}/a.mp3"),
            ("decimal IPv4", $"http://2130706433:{port}/a.mp3"),
            ("hex IPv4", $"http://0x7f000001:{port}/a.mp3"),
            ("benchmark range", "http://198.18.0.1/a.mp3"),
            ("IETF range", "http://192.0.0.1/a.mp3"),
            ("unresolvable", "http://no-such-host.invalid/a.mp3"),
            ("redirect to private", hostile.Url("/redirect?to=" + Uri.EscapeDataString($"http://127.0.0.1:{port}/a.mp3"), host: "127.0.0.3")),
            ("credentials and signature", $"http://ann:s3cretpass@127.0.0.1:{port}/a.mp3?X-Amz-Signature=sig0123456789"),
        };
        foreach (var (name, url) in urls)
        {
            if (await SubmitAsync(ann, $"SSRF {name}", new { audio_url = url }, 200) is { } id)
            {
                jobs.Add((id, refused));
            }
        }
    }

    private async Task WebhooksAsync(List<(string Id, string ErrorContains)> jobs)
    {
        const string audio = "http://a.example/a.mp3";
        foreach (var (name, url) in new[] { ("loopback", "http://127.0.0.1/hook"), ("IPv6 loopback", "http://[::1]/hook"), ("private", "http://10.1.1.1/hook"), ("unresolvable", "http://no-such-host.invalid/hook") })
        {
            await ExpectAsync(ann, $"webhook to {name}", HttpMethod.Post, "/v2/transcript", Json(new { audio_url = audio, webhook_url = url }), 400, "does not resolve to a public internet address");
        }

        await ExpectAsync(ann, "CR/LF in webhook header value", HttpMethod.Post, "/v2/transcript",
            Json(new { audio_url = audio, webhook_url = hostile.Url("/ok", "127.0.0.3"), webhook_auth_header_name = "X-A", webhook_auth_header_value = "v\r\nX-Injected: 1" }), 400, "webhook_auth_header_value");
        await ExpectAsync(ann, "Host as webhook header", HttpMethod.Post, "/v2/transcript",
            Json(new { audio_url = audio, webhook_url = hostile.Url("/ok", "127.0.0.3"), webhook_auth_header_name = "Host", webhook_auth_header_value = "internal" }), 400, "webhook_auth_header_name");

        // Receivers that hang or stream for ever: the job still ends, and the webhook stops within its timeouts.
        foreach (var path in new[] { "/hang", "/stream" })
        {
            if (await SubmitAsync(ann, $"webhook sink {path}", new { audio_url = "http://no-such-host.invalid/a.mp3", webhook_url = hostile.Url(path, "127.0.0.3") }, 200) is { } id)
            {
                jobs.Add((id, "does not resolve"));
                webhookJobs.Add(id);
            }
        }
    }

    private readonly List<string> webhookJobs = [];

    private async Task HostileMediaAsync(List<(string Id, string ErrorContains)> jobs)
    {
        var folder = Directory.CreateTempSubdirectory("verbatim-campaign-media-").FullName;
        var secret = TestSpeech.Say("the other team's secret");
        var media = new List<(string Case, byte[] Bytes, object? Options, string Error)>
        {
            ("concat list", Encoding.ASCII.GetBytes($"ffconcat version 1.0\nfile '{secret}'\n"), null, "does not appear to contain audio"),
            ("live HLS playlist", Encoding.ASCII.GetBytes($"#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:5.0,\nfile:{secret}\n"), null, "does not appear to contain audio"),
            ("WAV header only", File.ReadAllBytes(TestSpeech.Say("truncated"))[..44], null, "does not appear to contain audio"),
            ("truncated MP3", File.ReadAllBytes(TestAudio.Convert(secret, Path.Combine(folder, "t.mp3"), "-c:a", "libmp3lame"))[..40], null, "does not appear to contain audio"),
            ("random text", RandomText(50_000), null, "does not appear to contain audio"),
            ("video without audio", File.ReadAllBytes(TestAudio.SilentVideo(2, Path.Combine(folder, "v.mp4"))), null, "no audio stream"),
            ("an hour of silence in a small file", File.ReadAllBytes(Silence(Path.Combine(folder, "hour.flac"), 3600, 1)), null, "longer than this server's limit of 30 minutes"),
            ("64 channels", File.ReadAllBytes(Silence(Path.Combine(folder, "64.wav"), 0.5, 64)), new { multichannel = true }, "at most 8 channels; this file has 64"),
        };
        foreach (var (name, bytes, options, error) in media)
        {
            var url = await UploadAsync(ann, name, bytes, 200);
            if (url is null)
            {
                continue;
            }

            var request = JsonSerializer.SerializeToNode(options ?? new { })!.AsObject();
            request["audio_url"] = url;
            if (await SubmitAsync(ann, name, request, 200) is { } id)
            {
                jobs.Add((id, error));
            }
        }

        Directory.Delete(folder, recursive: true);
    }

    private async Task UploadLimitsAsync()
    {
        await UploadAsync(ann, "empty upload", [], 400, "empty");
        await UploadAsync(ann, "upload over the size limit", new byte[UploadLimit + 1], 413, "too large");
        await UploadAsync(bob, "upload over the team's quota", new byte[Quota + 1], 507, "Storage quota exceeded");
    }

    private async Task ProxyHeadersAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v2/upload") { Content = new ByteArrayContent(File.ReadAllBytes(TestSpeech.Say("proxy"))) };
        request.Headers.Host = "evil.example";
        request.Headers.Add("X-Forwarded-Host", "evil.example");
        request.Headers.Add("X-Forwarded-Proto", "gopher");
        var (status, body) = await SendAsync(ann, "forged Host and X-Forwarded headers", request, 200);
        if (status == 200)
        {
            // Links start with the configured public base URL, whatever Host and X-Forwarded-* say.
            var url = JsonDocument.Parse(body).RootElement.GetProperty("upload_url").GetString()!;
            Check("forged Host and X-Forwarded headers", url.StartsWith($"http://localhost:{server.Port}/v2/upload/", StringComparison.Ordinal), url);
            // Used as the team's own upload, and then deleted with its transcript.
            if (await SubmitAsync(ann, "upload named by a forged host", new { audio_url = url }, 200) is { } id)
            {
                await WaitAsync(ann, id, "completed", null);
            }
        }
    }

    private async Task NothingLeftBehindAsync()
    {
        foreach (var client in new[] { ann, bob })
        {
            var list = await GetJsonAsync(client, "/v2/transcript?limit=200");
            foreach (var item in list.GetProperty("transcripts").EnumerateArray())
            {
                using var deleted = await client.DeleteAsync($"/v2/transcript/{item.GetProperty("id").GetString()}");
                Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
            }
        }

        // Webhook deliveries to the hanging and streaming sinks end within attempts × timeout.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        foreach (var id in webhookJobs)
        {
            while (await server.IsWebhookPendingAsync(id))
            {
                Assert.True(DateTime.UtcNow < deadline, $"the webhook of {id} is still pending\n{server.Log}");
                await Task.Delay(250);
            }
        }

        Assert.Equal(0L, await server.ScalarAsync("SELECT COUNT(*) FROM Uploads"));
        Assert.Equal(0L, await server.ScalarAsync(
            "SELECT COUNT(*) FROM Transcripts WHERE DeletedAt IS NULL OR Title IS NOT NULL OR UploadId IS NOT NULL OR OptionsJson LIKE '%127.0.0.3%' OR OptionsJson LIKE '%s3cret%' OR AudioUrl LIKE '%s3cret%' OR Error LIKE '%s3cret%'"));
        // One row per accepted request; every refused one left nothing.
        Assert.Equal((long)accepted, await server.ScalarAsync("SELECT COUNT(*) FROM Transcripts"));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(server.DataDirectory, "uploads"), "*", SearchOption.AllDirectories));
        var work = Path.Combine(server.DataDirectory, "work");
        Assert.True(!Directory.Exists(work) || !Directory.EnumerateFileSystemEntries(work).Any(), "a job folder was left in work/");
        Assert.Empty(Directory.EnumerateFileSystemEntries(ScratchDirectory));
        Assert.True(hostile.StreamedBytes < 8 << 20, $"the streaming sink gave {hostile.StreamedBytes} bytes");
    }

    private int accepted;

    private async Task<string?> SubmitAsync(HttpClient client, string name, object body, int expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v2/transcript") { Content = Json(body) };
        var (status, text) = await SendAsync(client, name, request, expected);
        if (status != 200)
        {
            return null;
        }

        accepted++;
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString();
    }

    private async Task<string?> UploadAsync(HttpClient client, string name, byte[] bytes, int expected, string? errorContains = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v2/upload") { Content = new ByteArrayContent(bytes) };
        var (status, text) = await SendAsync(client, $"upload: {name}", request, expected, errorContains);
        return status == 200 ? JsonDocument.Parse(text).RootElement.GetProperty("upload_url").GetString() : null;
    }

    private Task ExpectAsync(HttpClient client, string name, HttpMethod method, string path, HttpContent? content, int expected, string? errorContains, bool chunkedBody = false) =>
        ExpectAsync(client, name, method, path, content, [expected], errorContains, chunkedBody);

    private async Task ExpectAsync(HttpClient client, string name, HttpMethod method, string path, HttpContent? content, int[] expected, string? errorContains, bool chunkedBody = false)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (chunkedBody)
        {
            request.Headers.TransferEncodingChunked = true;
        }

        await SendAsync(client, name, request, expected, errorContains);
    }

    private Task<(int Status, string Body)> SendAsync(HttpClient client, string name, HttpRequestMessage request, int expected, string? errorContains = null) =>
        SendAsync(client, name, request, [expected], errorContains);

    private async Task<(int Status, string Body)> SendAsync(HttpClient client, string name, HttpRequestMessage request, int[] expected, string? errorContains)
    {
        int status;
        string body;
        try
        {
            using var response = await client.SendAsync(request);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsStringAsync();
        }
        catch (HttpRequestException ex)
        {
            // The server closing the connection on an over-long body is an answer too, though not the one wanted.
            (status, body) = (0, ex.Message);
        }

        answers.Add((name, status, body, request.RequestUri!.OriginalString));
        Check(name, expected.Contains(status) && (errorContains is null || body.Contains(errorContains, StringComparison.OrdinalIgnoreCase)),
            $"{status} {body[..Math.Min(body.Length, 300)]} (expected {string.Join(" or ", expected)}{(errorContains is null ? "" : $" with \"{errorContains}\"")})");
        return (status, body);
    }

    private async Task WaitAsync(HttpClient client, string id, string status, string? errorContains)
    {
        var deadline = DateTime.UtcNow.AddSeconds(150);
        while (true)
        {
            var transcript = await GetJsonAsync(client, $"/v2/transcript/{id}");
            var state = transcript.GetProperty("status").GetString();
            if (state is "completed" or "error")
            {
                var error = transcript.GetProperty("error").ValueKind == JsonValueKind.String ? transcript.GetProperty("error").GetString()! : "";
                Check($"job {id}", state == status && (errorContains is null || error.Contains(errorContains, StringComparison.Ordinal)),
                    $"{state}: {error} (expected {status}{(errorContains is null ? "" : $" with \"{errorContains}\"")})");
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"transcript {id} still {state}\n{server.Log}");
            await Task.Delay(300);
        }
    }

    private void Check(string name, bool ok, string detail)
    {
        if (!ok)
        {
            failures.Add($"{name}: {detail}");
        }
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await V2Client.ReadJsonAsync(response);
    }

    private HttpClient WithKey(string key)
    {
        var client = server.CreateClient(apiKey: null);
        client.DefaultRequestHeaders.TryAddWithoutValidation("authorization", key);
        return client;
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static StringContent Raw(string text) => new(text, Encoding.UTF8, "application/json");

    private static byte[] RandomText(int count)
    {
        var random = new Random(7);
        return [.. Enumerable.Range(0, count).Select(_ => (byte)random.Next(32, 127))];
    }

    /// <summary>Digital silence (no dither, so it compresses to almost nothing) with any number of channels.</summary>
    private static string Silence(string path, double seconds, int channels)
    {
        var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sox",
            ["-D", "-n", "-r", "8000", "-c", channels.ToString(System.Globalization.CultureInfo.InvariantCulture), "-b", "16", path,
             "trim", "0", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)]))!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return path;
    }

    public async Task DisposeAsync()
    {
        ann.Dispose();
        bob.Dispose();
        bobWithoutRedirects.Dispose();
        anonymous.Dispose();
        hostile.Dispose();
        await server.DisposeAsync();
        Directory.Delete(ScratchDirectory, recursive: true);
    }
}
