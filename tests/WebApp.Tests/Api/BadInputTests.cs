using System.Net;
using System.Net.Http.Json;
using System.Text;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Api;

/// <summary>Bad input gets a clear error in AssemblyAI's shape and leaves every other job intact.</summary>
[Collection(ApiCollection.Name)]
public sealed class BadInputTests(ApiFixture fixture)
{
    [Fact]
    public async Task PostToAnUnknownAppPath_Is404_NotTheNotFoundPageRefusingIt()
    {
        using var ann = fixture.Ann();

        // Re-executed as the not-found page, this 404 used to become that page's 400 for a POST.
        using var response = await ann.Http.PostAsync("/regions/webhook/not-a-transcript", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Upload_EmptyBody_Returns400()
    {
        using var ann = fixture.Ann();
        using var response = await ann.Http.PostAsync("/v2/upload", new ByteArrayContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("empty", (await V2Client.ReadJsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Upload_LargerThanTheLimit_Returns413AndKeepsNothing()
    {
        using var ann = fixture.Ann();
        var before = CountUploadedFiles();
        // Chunked, so the server cannot refuse on Content-Length and must stop while streaming.
        var content = new StreamContent(new MemoryStream(new byte[21_000_000]));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v2/upload") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await ann.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("too large", (await V2Client.ReadJsonAsync(response)).GetProperty("error").GetString());
        Assert.Equal(before, CountUploadedFiles());
    }

    [Fact]
    public async Task Create_TextFileRenamedMp3_EndsInErrorSayingItIsNotAudio()
    {
        using var ann = fixture.Ann();
        var fake = TestSpeech.WriteFile(".mp3", Encoding.UTF8.GetBytes("This is just a text file, not a song.\n"));
        var transcript = await ann.TranscribeAsync(fake);
        Assert.Equal("error", transcript.GetProperty("status").GetString());
        Assert.Contains("does not appear to contain audio", transcript.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Create_TruncatedMp3_TranscribesWhatIsThere()
    {
        using var ann = fixture.Ann();
        var mp3 = TestSpeech.Convert(TestSpeech.Say(TestSpeech.Sentence), ".mp3");
        var bytes = File.ReadAllBytes(mp3);
        var truncated = TestSpeech.WriteFile(".mp3", bytes[..(bytes.Length / 2)]);
        var transcript = await ann.TranscribeAsync(truncated);
        Assert.Equal("completed", transcript.GetProperty("status").GetString());
        Assert.NotEmpty(transcript.GetProperty("words").EnumerateArray());
        Assert.InRange(transcript.GetProperty("audio_duration").GetInt32(), 1, 4);
    }

    [Fact]
    public async Task Create_WithAudioUrlThat404s_EndsInDownloadError()
    {
        using var ann = fixture.Ann();
        var created = await ann.CreateTranscriptAsync(new { audio_url = fixture.AudioHost.Url("/missing.mp3") });
        var transcript = await ann.WaitForTranscriptAsync(created.GetProperty("id").GetString()!);
        Assert.Equal("error", transcript.GetProperty("status").GetString());
        var error = transcript.GetProperty("error").GetString()!;
        Assert.StartsWith("Download error, unable to download", error);
        Assert.Contains("404", error);
    }

    [Fact]
    public async Task Create_WithAudioUrlThatNeverAnswers_EndsInTimeoutError()
    {
        using var ann = fixture.Ann();
        var created = await ann.CreateTranscriptAsync(new { audio_url = fixture.AudioHost.Url(AudioHost.HangingPath) });
        var transcript = await ann.WaitForTranscriptAsync(created.GetProperty("id").GetString()!, TimeSpan.FromSeconds(60));
        Assert.Equal("error", transcript.GetProperty("status").GetString());
        Assert.Contains("within 5 seconds", transcript.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Create_WithRemoteAudioUrl_DownloadsAndTranscribes()
    {
        using var ann = fixture.Ann();
        var url = fixture.AudioHost.Serve(TestSpeech.Convert(TestSpeech.Say("hello world"), ".ogg"));
        var created = await ann.CreateTranscriptAsync(new { audio_url = url });
        var transcript = await ann.WaitForTranscriptAsync(created.GetProperty("id").GetString()!);
        Assert.Equal("completed", transcript.GetProperty("status").GetString());
        Assert.Equal(url, transcript.GetProperty("audio_url").GetString());
        Assert.NotEmpty(transcript.GetProperty("words").EnumerateArray());
    }

    [Theory]
    [InlineData("""{"audio_url": "http://example.com/a.mp3", "punctuate": "yes"}""", "punctuate must be a Boolean")]
    [InlineData("""{"audio_url": "http://example.com/a.mp3", "speakers_expected": "two"}""", "speakers_expected must be an Integer")]
    [InlineData("""{"audio_url": 42}""", "audio_url must be a String")]
    [InlineData("""{"audio_url": "http://example.com/a.mp3", "speech_models": "universal-2"}""", "speech_models must be an Array of Strings")]
    [InlineData("""{"punctuate": true}""", "audio_url is required")]
    [InlineData("""{"audio_url": "ftp://example.com/a.mp3"}""", "audio_url must be an absolute http or https URL")]
    [InlineData("""{"audio_url": "http://example.com/a.mp3", "speech_models": ["whisper-9"]}""", "No installed speech model can serve speech_models [whisper-9]")]
    [InlineData("""{"audio_url": "http://example.com/a.mp3", "language_code": "de"}""", "language_code \"de\" is not supported")]
    [InlineData("""{"audio_url": "http://example.com/a.mp3", "summarization": true}""", "summarization is not supported yet")]
    [InlineData("""not json""", "Request body must be a JSON object")]
    public async Task Create_WithInvalidBody_Returns400NamingTheProblem(string body, string expected)
    {
        using var ann = fixture.Ann();
        using var response = await ann.Http.PostAsync("/v2/transcript", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await V2Client.ReadJsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Create_WithUnknownFields_IgnoresThem()
    {
        using var ann = fixture.Ann();
        var created = await ann.CreateTranscriptAsync(new { audio_url = fixture.AudioHost.Url("/missing.wav"), some_future_option = new { x = 1 } });
        Assert.Equal("queued", created.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-real-key")]
    public async Task Requests_WithMissingOrBadKey_Return401(string? key)
    {
        using var client = fixture.Server.CreateClient(key);
        foreach (var response in new[] { await client.GetAsync("/v2/transcript"), await client.PostAsync("/v2/upload", new ByteArrayContent([1, 2, 3])) })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Authentication error, API token missing/invalid", (await V2Client.ReadJsonAsync(response)).GetProperty("error").GetString());
        }
    }

    [Fact]
    public async Task UnknownV2Route_Returns404InAssemblyAiShape()
    {
        using var ann = fixture.Ann();
        using var response = await ann.Http.GetAsync("/v2/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Not found", (await V2Client.ReadJsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task BadRequests_LeaveOtherJobsIntact()
    {
        using var ann = fixture.Ann();
        var good = await ann.CreateTranscriptAsync(new { audio_url = await ann.UploadAsync(TestSpeech.Say("good morning")) });
        await ann.Http.PostAsync("/v2/transcript", new StringContent("{\"audio_url\": 1}", Encoding.UTF8, "application/json"));
        await ann.Http.PostAsJsonAsync("/v2/transcript", new { audio_url = await ann.UploadAsync(TestSpeech.WriteFile(".wav", [0, 1, 2, 3, 4, 5])) });
        var transcript = await ann.WaitForTranscriptAsync(good.GetProperty("id").GetString()!);
        Assert.Equal("completed", transcript.GetProperty("status").GetString());
    }

    private int CountUploadedFiles()
    {
        var uploads = Path.Combine(fixture.Server.DataDirectory, "uploads");
        return Directory.Exists(uploads) ? Directory.GetFiles(uploads, "*", SearchOption.AllDirectories).Length : 0;
    }
}
