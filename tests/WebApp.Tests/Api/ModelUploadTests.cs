using System.Net;
using WebApp.Tests.Infrastructure;
using WebApp.Tests.Transcription.Whisper;

namespace WebApp.Tests.Api;

/// <summary>
/// The engines page and its "add a model" (POST /app/models) on a server of its own, whose first account is its
/// administrator.
/// </summary>
public sealed class ModelUploadTests : IAsyncLifetime
{
    private readonly ScratchDirectory models = new();
    private readonly ScratchDirectory files = new();
    private VerbatimServer server = null!;
    private BrowserSession admin = null!;
    private BrowserSession member = null!;

    public async Task InitializeAsync()
    {
        server = new VerbatimServer(new Dictionary<string, string> { ["Verbatim__Engines__Whisper__ModelsDirectory"] = models.Path });
        await server.StartAsync();
        admin = await BrowserSession.RegisterAsync(server.BaseAddress, "first@example.com");
        member = await BrowserSession.RegisterAsync(server.BaseAddress, "second@example.com");
    }

    [Fact]
    public async Task Administrator_AddsAModel_ItIsListedAndServesTranscripts()
    {
        var model = files.File("model.bin");
        TinyWhisperModel.Write(model, multilingual: false, layers: 1, state: 64);

        using var response = await UploadAsync(admin, "ggml-tiny.en.bin", await File.ReadAllBytesAsync(model));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"engineName\":\"whisper-tiny.en\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(["ggml-tiny.en.bin"], Directory.GetFiles(models.Path).Select(Path.GetFileName));
        var page = await admin.Http.GetStringAsync("/engines");
        Assert.Contains("whisper-tiny.en", page);
        Assert.Contains("pocketsphinx-en-us", page);

        using var api = new V2Client(server.CreateClient(await server.CreateApiKeyAsync(admin.Email)));
        var (status, _) = await api.PostTranscriptAsync(new { audio_url = "https://example.com/a.mp3", speech_models = new[] { "whisper-tiny.en" } });
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task NotAModel_IsRefusedWithTheReason_AndLeavesNothing()
    {
        using var response = await UploadAsync(admin, "ggml-notes.bin", "these are meeting notes, not a model"u8.ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a whisper.cpp ggml model", await response.Content.ReadAsStringAsync());
        Assert.Empty(Directory.GetFiles(models.Path, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("model.bin")]
    [InlineData("ggml-../../etc.bin")]
    [InlineData("GGML-SMALL.BIN")]
    public async Task BadFileName_Is400(string name)
    {
        using var response = await UploadAsync(admin, name, [1, 2, 3]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Directory.GetFiles(models.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task OtherAccounts_CannotAddModelsOrSeeThePage()
    {
        var model = files.File("model.bin");
        TinyWhisperModel.Write(model, multilingual: false, layers: 1, state: 64);

        using var response = await UploadAsync(member, "ggml-tiny.en.bin", await File.ReadAllBytesAsync(model));
        using var page = await member.Http.GetAsync("/engines");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(Directory.GetFiles(models.Path));
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("nav-engines", await member.Http.GetStringAsync("/transcripts"));
        Assert.Contains("nav-engines", await admin.Http.GetStringAsync("/transcripts"));
    }

    private static async Task<HttpResponseMessage> UploadAsync(BrowserSession session, string name, byte[] content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/app/models?name={Uri.EscapeDataString(name)}") { Content = new ByteArrayContent(content) };
        request.Headers.Add("RequestVerificationToken", await session.AntiforgeryTokenAsync());
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        return await session.Http.SendAsync(request);
    }

    public async Task DisposeAsync()
    {
        admin.Dispose();
        member.Dispose();
        await server.DisposeAsync();
        models.Dispose();
        files.Dispose();
    }
}
