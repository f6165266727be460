using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Api;

/// <summary>POST /app/uploads: the new-transcript page's uploads, for signed-in browsers with the page's antiforgery token.</summary>
[Collection(ApiCollection.Name)]
public sealed class BrowserUploadTests(ApiFixture fixture)
{
    [Fact]
    public async Task Upload_SignedInWithToken_StoresTheFileForTheUsersTeam()
    {
        using var carol = await RegisterAsync();
        var audio = await File.ReadAllBytesAsync(TestSpeech.Say(TestSpeech.Sentence));

        using var response = await UploadAsync(carol, audio, "Interview 1.wav", await carol.AntiforgeryTokenAsync());

        var body = await ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        Assert.Equal("Interview 1.wav", body.GetProperty("fileName").GetString());
        Assert.Equal(audio.Length, body.GetProperty("sizeBytes").GetInt64());
        var uploadUrl = body.GetProperty("uploadUrl").GetString()!;
        var uploadId = uploadUrl[(uploadUrl.LastIndexOf('/') + 1)..];
        Assert.Equal(audio, await File.ReadAllBytesAsync(Directory.GetFiles(UploadsFolder, uploadId, SearchOption.AllDirectories).Single()));

        // The upload is the team's: Carol's API key can transcribe it, Bob's cannot reach it.
        using var carolApi = new V2Client(fixture.Server.CreateClient(await fixture.Server.CreateApiKeyAsync(carol.Email)));
        var created = await carolApi.CreateTranscriptAsync(new { audio_url = uploadUrl });
        var transcript = await carolApi.WaitForTranscriptAsync(created.GetProperty("id").GetString()!);
        Assert.Equal("completed", transcript.GetProperty("status").GetString());
        using var bob = fixture.Bob();
        var (status, refusal) = await bob.PostTranscriptAsync(new { audio_url = uploadUrl });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("Cannot access uploaded file", refusal.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Upload_WithoutTheAntiforgeryToken_IsRefusedAndKeepsNothing()
    {
        using var carol = await RegisterAsync();
        var before = CountUploadedFiles();

        using var response = await UploadAsync(carol, [1, 2, 3], "a.mp3", token: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("security token", (await ReadJsonAsync(response)).GetProperty("detail").GetString());
        Assert.Equal(before, CountUploadedFiles());
    }

    [Fact]
    public async Task Upload_NotSignedIn_Is401()
    {
        using var http = fixture.Server.CreateClient(apiKey: null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/app/uploads?name=a.mp3") { Content = new ByteArrayContent([1, 2, 3]) };
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Upload_Empty_Is400SayingSo()
    {
        using var carol = await RegisterAsync();

        using var response = await UploadAsync(carol, [], "empty.wav", await carol.AntiforgeryTokenAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The uploaded file is empty.", (await ReadJsonAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Upload_LargerThanTheLimit_Is413NamingTheLimit_AndKeepsNothing()
    {
        using var carol = await RegisterAsync();
        var token = await carol.AntiforgeryTokenAsync();
        var before = CountUploadedFiles();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/app/uploads?name=big.wav") { Content = new StreamContent(new MemoryStream(new byte[21_000_000])) };
        request.Headers.Add("RequestVerificationToken", token);
        // Chunked, so the server cannot refuse on Content-Length and must stop while streaming.
        request.Headers.TransferEncodingChunked = true;

        using var response = await carol.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("the limit is 20000000 bytes (19.1 MB)", (await ReadJsonAsync(response)).GetProperty("detail").GetString());
        Assert.Equal(before, CountUploadedFiles());
    }

    [Fact]
    public async Task Upload_AsAForm_Is415()
    {
        using var carol = await RegisterAsync();
        using var form = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "a.mp3" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/app/uploads") { Content = form };
        request.Headers.Add("RequestVerificationToken", await carol.AntiforgeryTokenAsync());

        using var response = await carol.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    private string UploadsFolder => Path.Combine(fixture.Server.DataDirectory, "uploads");

    private int CountUploadedFiles() => Directory.Exists(UploadsFolder) ? Directory.GetFiles(UploadsFolder, "*", SearchOption.AllDirectories).Length : 0;

    private Task<BrowserSession> RegisterAsync() => BrowserSession.RegisterAsync(fixture.Server.BaseAddress, $"carol-{Guid.NewGuid():N}@example.com");

    private static async Task<HttpResponseMessage> UploadAsync(BrowserSession session, byte[] content, string name, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/app/uploads?name={Uri.EscapeDataString(name)}") { Content = new ByteArrayContent(content) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        if (token is not null)
        {
            request.Headers.Add("RequestVerificationToken", token);
        }

        return await session.Http.SendAsync(request);
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text.Length == 0 ? "{}" : text).RootElement.Clone();
    }
}
