using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebApp.Tests.Api;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Regions;

/// <summary>
/// The AssemblyAI region kind against a second real Verbatim process as the upstream, and against scripted upstreams
/// for the failures a healthy server never produces.
/// </summary>
[Collection(RegionsCollection.Name)]
public sealed class RemoteRegionTests(RegionsFixture fixture)
{
    [Fact]
    public async Task RegionPrefix_TranscribesUpstream_StoresResultHere_AndDeleteDeletesUpstream()
    {
        using var ann = fixture.Ann();
        var audio = TestSpeech.Say(TestSpeech.Sentence);
        var uploadUrl = await UploadAsync(ann, "eu", audio);
        Assert.StartsWith(fixture.Front.BaseAddress + "eu/v2/upload/", uploadUrl);

        var created = await CreateAsync(ann, "eu", new { audio_url = uploadUrl, speaker_labels = true, sentiment_analysis = true, auto_highlights = true });
        Assert.Equal("eu", created.GetProperty("region").GetString());
        var id = created.GetProperty("id").GetString()!;
        var done = await ann.WaitForTranscriptAsync(id);
        Assert.True(done.GetProperty("status").GetString() == "completed", $"{done}\n{fixture.Front.Log}");
        Assert.Equal("eu", done.GetProperty("region").GetString());
        Assert.Equal("pocketsphinx-en-us", done.GetProperty("speech_model_used").GetString());
        var words = done.GetProperty("words").EnumerateArray().ToList();
        Assert.True(QuickStartTests.WordErrorRateOf(TestSpeech.Sentence, words.Select(w => w.GetProperty("text").GetString()!).ToList()) < 0.35, done.GetProperty("text").GetString());
        Assert.All(words, w => Assert.False(string.IsNullOrEmpty(w.GetProperty("speaker").GetString())));
        Assert.NotEmpty(done.GetProperty("sentiment_analysis_results").EnumerateArray());
        Assert.Equal("success", done.GetProperty("auto_highlights_result").GetProperty("status").GetString());
        Assert.True(done.GetProperty("audio_duration").GetInt32() > 0);

        // The upstream made it: the same words are in its own list, under its own id.
        using var office = fixture.UpstreamClient();
        var upstream = await FindUpstreamAsync(office, done.GetProperty("text").GetString()!);
        Assert.Equal(done.GetProperty("words").GetArrayLength(), upstream.GetProperty("words").GetArrayLength());

        // Stored here: exports and the plain /v2 path read it without the upstream.
        var (sentencesStatus, sentences) = await ann.GetAsync($"/eu/v2/transcript/{id}/sentences");
        Assert.Equal(HttpStatusCode.OK, sentencesStatus);
        Assert.NotEmpty(sentences.GetProperty("sentences").EnumerateArray());
        var (plainStatus, plain) = await ann.GetAsync($"/v2/transcript/{id}");
        Assert.Equal(HttpStatusCode.OK, plainStatus);
        Assert.Equal(done.GetProperty("text").GetString(), plain.GetProperty("text").GetString());

        using var deleted = await ann.Http.DeleteAsync($"/eu/v2/transcript/{id}");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var (_, gone) = await office.GetAsync($"/v2/transcript/{upstream.GetProperty("id").GetString()}");
        Assert.Equal("http://deleted_by_user", gone.GetProperty("audio_url").GetString());
        Assert.Equal("Deleted by user.", gone.GetProperty("text").GetString());

        Assert.DoesNotContain(fixture.UpstreamKey, fixture.Front.Log);
    }

    [Fact]
    public async Task HostedFeature_RefusedLocally_PassedOnToTheRegion()
    {
        using var ann = fixture.Ann();
        var uploadUrl = await UploadAsync(ann, null, TestSpeech.Say("the weather is nice today"));
        var (localStatus, local) = await ann.PostTranscriptAsync(new { audio_url = uploadUrl, summarization = true, summary_type = "bullets" });
        Assert.Equal(HttpStatusCode.BadRequest, localStatus);
        Assert.Contains("remote region", local.GetProperty("error").GetString());

        // The upstream here is another Verbatim, which has no summarizer: its refusal comes back, naming the region.
        var created = await CreateAsync(ann, "eu", new { audio_url = uploadUrl, summarization = true, summary_type = "bullets" });
        Assert.True(created.GetProperty("summarization").GetBoolean());
        var done = await ann.WaitForTranscriptAsync(created.GetProperty("id").GetString()!);
        Assert.Equal("error", done.GetProperty("status").GetString());
        var error = done.GetProperty("error").GetString()!;
        Assert.Contains("Region \"eu\"", error);
        Assert.Contains("400", error);
        Assert.Contains("summarization is not supported", error);
    }

    [Fact]
    public async Task RedactedAudio_IsRefusedForARemoteRegion_WhoseFileThisServerWouldNotHave()
    {
        using var ann = fixture.Ann();
        var uploadUrl = await UploadAsync(ann, null, TestSpeech.Say("the weather is nice today"));
        var request = new { audio_url = uploadUrl, redact_pii = true, redact_pii_policies = new[] { "person_name" }, redact_pii_audio = true };

        var (status, refused) = await ann.PostTranscriptAsync(request, "/eu/v2/transcript");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("redact_pii_audio is not available in remote regions yet: the redacted audio would stay on the upstream. Use the local region, or redact the text only.",
            refused.GetProperty("error").GetString());
        var (localStatus, _) = await ann.PostTranscriptAsync(request, "/local/v2/transcript");
        Assert.Equal(HttpStatusCode.OK, localStatus);
    }

    [Fact]
    public async Task RefusedUpstreamKey_EndsInErrorNamingRegionAndStatus()
    {
        using var ann = fixture.Ann();
        var done = await TranscribeInAsync(ann, "badkey");
        Assert.Equal("error", done.GetProperty("status").GetString());
        var error = done.GetProperty("error").GetString()!;
        Assert.Contains("Region \"badkey\" refused the API key (401", error);
        Assert.DoesNotContain(RegionsFixture.WrongKey, fixture.Front.Log);
    }

    [Fact]
    public async Task TooManyRequests_RetriedAfterRetryAfter_ThenError()
    {
        using var ann = fixture.Ann();
        var audio = TestSpeech.Say("hello there");
        var before = fixture.Busy.Received.Count;
        var clock = Stopwatch.StartNew();
        var done = await TranscribeInAsync(ann, "busy", audio);
        Assert.Equal("error", done.GetProperty("status").GetString());
        Assert.Equal("Region \"busy\" answered 429 Too Many Requests, 3 tries; giving up.", done.GetProperty("error").GetString());
        // Two waits of Retry-After's one second between three tries.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2), clock.Elapsed.ToString());

        // As AssemblyAI documents the upload: POST /v2/upload, the key in authorization, the raw bytes as the body.
        var tries = fixture.Busy.Received.Skip(before).ToList();
        Assert.Equal(3, tries.Count);
        Assert.All(tries, request =>
        {
            Assert.Equal(("POST", "/v2/upload"), (request.Method, request.Path));
            Assert.Equal(RegionsFixture.BusyKey, request.Headers["authorization"]);
            Assert.Equal("application/octet-stream", request.Headers["content-type"]);
            Assert.Equal(File.ReadAllBytes(audio), request.Body);
        });
        Assert.DoesNotContain(RegionsFixture.BusyKey, fixture.Front.Log);
    }

    [Fact]
    public async Task ServerErrors_RetriedThenError_AfterARequestInAssemblyAIsShape()
    {
        using var ann = fixture.Ann();
        var before = fixture.Broken.Received.Count;
        var done = await TranscribeInAsync(ann, "broken", options: new { speaker_labels = true, speakers_expected = 2, punctuate = false, keyterms_prompt = new[] { "Verbatim" } });
        Assert.Equal("error", done.GetProperty("status").GetString());
        Assert.Equal("Region \"broken\" answered 503 Service Unavailable, 3 tries; giving up.", done.GetProperty("error").GetString());

        var creates = fixture.Broken.Received.Skip(before).Where(r => r.Path == "/v2/transcript").ToList();
        Assert.Equal(3, creates.Count);
        var create = creates[0];
        Assert.Equal("POST", create.Method);
        Assert.Equal(RegionsFixture.BrokenKey, create.Headers["authorization"]);
        Assert.StartsWith("application/json", create.Headers["content-type"]);
        var body = JsonDocument.Parse(create.BodyText).RootElement;
        Assert.Equal("https://cdn.example.com/upload/abc123", body.GetProperty("audio_url").GetString());
        Assert.True(body.GetProperty("speaker_labels").GetBoolean());
        Assert.Equal(2, body.GetProperty("speakers_expected").GetInt32());
        Assert.False(body.GetProperty("punctuate").GetBoolean());
        Assert.Equal("Verbatim", body.GetProperty("keyterms_prompt")[0].GetString());
        Assert.DoesNotContain(body.EnumerateObject(), p => p.Value.ValueKind == JsonValueKind.Null);
        Assert.False(body.TryGetProperty("webhook_url", out _), "no public URL is configured, so no upstream webhook");
    }

    [Fact]
    public async Task UpstreamThatNeverAnswers_TimesOut_ThenError()
    {
        using var ann = fixture.Ann();
        var clock = Stopwatch.StartNew();
        var done = await TranscribeInAsync(ann, "silent");
        Assert.Equal("error", done.GetProperty("status").GetString());
        Assert.Equal("Region \"silent\" did not answer within 2 seconds, 2 tries; giving up.", done.GetProperty("error").GetString());
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(4) && clock.Elapsed < TimeSpan.FromSeconds(30), clock.Elapsed.ToString());
    }

    [Fact]
    public async Task OtherTeamsTranscript_UnderRegionPrefix_IsNotFound()
    {
        using var ann = fixture.Ann();
        using var bob = fixture.Bob();
        var created = await CreateAsync(ann, "eu", new { audio_url = await UploadAsync(ann, "eu", TestSpeech.Say("good morning")) });
        var id = created.GetProperty("id").GetString()!;
        await ann.WaitForTranscriptAsync(id);

        var (status, body) = await bob.GetAsync($"/eu/v2/transcript/{id}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Transcript not found", body.GetProperty("error").GetString());
        using var delete = await bob.Http.DeleteAsync($"/eu/v2/transcript/{id}");
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        var (annStatus, _) = await ann.GetAsync($"/eu/v2/transcript/{id}");
        Assert.Equal(HttpStatusCode.OK, annStatus);
    }

    [Fact]
    public async Task RegionWithoutKey_IsRefusedWith403_AndUnknownPrefixIsNotARegion()
    {
        using var ann = fixture.Ann();
        var uploadUrl = await UploadAsync(ann, null, TestSpeech.Say("hello"));
        using var refused = await ann.Http.PostAsJsonAsync("/nokey/v2/transcript", new { audio_url = uploadUrl });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Region \"nokey\" has no API key for your team", (await V2Client.ReadJsonAsync(refused)).GetProperty("error").GetString());

        // Not a configured region, so not an API path at all.
        using var unknown = await ann.Http.GetAsync("/mars/v2/transcript");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task OfficialSdk_WithRegionBaseUrl_CompletesThroughTheUpstream()
    {
        var audio = TestSpeech.Convert(TestSpeech.Say(TestSpeech.Sentence), ".mp3");
        var baseUrl = new Uri(fixture.Front.BaseAddress, "/eu").ToString();
        var result = await JavaScriptSdk.RunAsync("sdk-flow.mjs", baseUrl, fixture.Front, fixture.AnnKey, audio);
        Assert.Equal("completed", result.GetProperty("status").GetString());
        Assert.StartsWith(baseUrl + "/v2/upload/", result.GetProperty("uploadUrl").GetString());
        Assert.Equal("pocketsphinx-en-us", result.GetProperty("speechModelUsed").GetString());
        var words = result.GetProperty("words").EnumerateArray().Select(w => w.GetProperty("text").GetString()!).ToList();
        Assert.True(QuickStartTests.WordErrorRateOf(TestSpeech.Sentence, words) < 0.35, string.Join(' ', words));
        Assert.StartsWith("WEBVTT", result.GetProperty("vtt").GetString());
        Assert.Equal("http://deleted_by_user", result.GetProperty("deletedAudioUrl").GetString());

        // The SDK's delete reached the upstream too.
        using var office = fixture.UpstreamClient();
        var (_, list) = await office.GetAsync("/v2/transcript?limit=200");
        var texts = new List<string?>();
        foreach (var item in list.GetProperty("transcripts").EnumerateArray())
        {
            var (_, full) = await office.GetAsync($"/v2/transcript/{item.GetProperty("id").GetString()}");
            texts.Add(full.GetProperty("text").GetString());
        }

        Assert.DoesNotContain(result.GetProperty("text").GetString(), texts);
    }

    private static async Task<string> UploadAsync(V2Client client, string? region, string path)
    {
        await using var file = File.OpenRead(path);
        using var response = await client.Http.PostAsync(region is null ? "/v2/upload" : $"/{region}/v2/upload", new StreamContent(file));
        var body = await V2Client.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body.GetProperty("upload_url").GetString()!;
    }

    private static async Task<JsonElement> CreateAsync(V2Client client, string region, object request)
    {
        using var response = await client.Http.PostAsJsonAsync($"/{region}/v2/transcript", request);
        var body = await V2Client.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    private static async Task<JsonElement> TranscribeInAsync(V2Client client, string region, string? audio = null, object? options = null)
    {
        var request = JsonSerializer.SerializeToNode(options ?? new { })!.AsObject();
        request["audio_url"] = await UploadAsync(client, region, audio ?? TestSpeech.Say("hello there"));
        var created = await CreateAsync(client, region, request);
        return await client.WaitForTranscriptAsync(created.GetProperty("id").GetString()!, TimeSpan.FromSeconds(90));
    }

    private static async Task<JsonElement> FindUpstreamAsync(V2Client office, string text)
    {
        var (_, list) = await office.GetAsync("/v2/transcript?limit=200");
        foreach (var item in list.GetProperty("transcripts").EnumerateArray())
        {
            var (_, full) = await office.GetAsync($"/v2/transcript/{item.GetProperty("id").GetString()}");
            if (full.GetProperty("text").GetString() == text)
            {
                return full;
            }
        }

        throw new Xunit.Sdk.XunitException($"The upstream has no transcript with the text \"{text}\".");
    }
}
