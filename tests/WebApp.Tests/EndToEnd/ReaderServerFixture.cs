using System.Text.Json;
using Microsoft.Playwright;
using WebApp.Tests.Infrastructure;
using WebApp.Transcription.Model;

namespace WebApp.Tests.EndToEnd;

/// <summary>
/// One real server and browser for the reader's end-to-end tests: a user registered through the browser, an API key
/// for the same account, and a completed two-speaker transcript of generated speech.
/// </summary>
public sealed class ReaderServerFixture : IAsyncLifetime
{
    public const string Password = "Correct-horse-42";

    /// <summary>What the two voices say, taking turns: espeak-ng for the host, flite for the guest.</summary>
    public static readonly string[] Lines =
    [
        "good morning and welcome to the show, it is lovely to have you with us this morning",
        "thank you, it is great to be here today and to talk about the weather",
        "tell us about your new book please, our listeners have been asking about it all week",
        "it is a story about a small town by the sea and the people who live there",
    ];

    public VerbatimServer Server { get; } = new();

    public PlaywrightBrowser Browser { get; private set; } = default!;

    public string Email { get; } = $"reader-{Guid.NewGuid():N}@example.com";

    /// <summary>The signed-in user's cookies, to open pages as them.</summary>
    public string SignedIn { get; private set; } = "";

    public V2Client Api { get; private set; } = default!;

    /// <summary>The conversation's transcript: completed, with speakers A and B.</summary>
    public string TranscriptId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Server.StartAsync();
        Browser = await PlaywrightBrowser.LaunchAsync();
        SignedIn = await RegisterAsync();
        Api = new V2Client(Server.CreateClient(await Server.CreateApiKeyAsync(Email)));
        TranscriptId = await TranscribeConversationAsync();
    }

    /// <summary>The conversation transcribed through the API with speaker labels: speakers A and B, four turns.</summary>
    public async Task<string> TranscribeConversationAsync()
    {
        var transcript = await Api.TranscribeAsync(Conversation(), new { speaker_labels = true, speakers_expected = 2 });
        Assert.True(transcript.GetProperty("status").GetString() == "completed", $"{transcript}\n{Server.Log}");
        var speakers = transcript.GetProperty("utterances").EnumerateArray().Select(u => u.GetProperty("speaker").GetString()).ToList();
        Assert.True(speakers.SequenceEqual(["A", "B", "A", "B"]), $"The diarizer heard these turns: {string.Join(", ", speakers)}");
        return transcript.GetProperty("id").GetString()!;
    }

    /// <summary>The four lines with short pauses between them, as one WAV file.</summary>
    public static string Conversation()
    {
        var pause = TestSpeech.Silence(0.6);
        return TestSpeech.Concat(
            TestSpeech.Espeak(Lines[0]), pause, TestSpeech.Say(Lines[1], "slt"), pause,
            TestSpeech.Espeak(Lines[2]), pause, TestSpeech.Say(Lines[3], "slt"));
    }

    public Task<IPage> SignedInPageAsync(ViewportSize viewport) => Browser.NewPageAsync(Server.BaseAddress, viewport, SignedIn);

    public Task<IPage> StrangerPageAsync(ViewportSize viewport) => Browser.NewPageAsync(Server.BaseAddress, viewport);

    /// <summary>The transcript's words as the API gives them.</summary>
    public async Task<List<Word>> WordsAsync(string transcriptId)
    {
        var (_, body) = await Api.GetAsync($"/v2/transcript/{transcriptId}");
        return body.GetProperty("words").Deserialize<List<Word>>(new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        await Server.DisposeAsync();
    }

    private async Task<string> RegisterAsync()
    {
        var page = await Browser.NewPageAsync(Server.BaseAddress, PlaywrightBrowser.Desktop);
        await PlaywrightBrowser.GoToAsync(page, "Account/Register");
        await page.FillAsync("input[name='Input.Email']", Email);
        await page.FillAsync("input[name='Input.Password']", Password);
        await page.FillAsync("input[name='Input.ConfirmPassword']", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("form[action='Account/Logout']");
        var state = await page.Context.StorageStateAsync();
        await page.Context.CloseAsync();
        return state;
    }
}
