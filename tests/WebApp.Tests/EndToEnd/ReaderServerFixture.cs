using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using WebApp.Api.V2;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.EndToEnd;

/// <summary>
/// One real server and browser for the reader's end-to-end tests: a user registered through the browser, an API key
/// for the same account, and a completed two-speaker transcript of generated speech.
/// </summary>
public sealed class ReaderServerFixture : IAsyncLifetime
{
    public const string Password = "Correct-horse-42";

    /// <summary>What the two generated voices say, one after the other.</summary>
    public static readonly string[] Lines = [TestSpeech.Sentence, "the weather is nice today so we can walk along the river"];

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

    /// <summary>Two voices, one line each, transcribed through the API; the words labelled A and B.</summary>
    public async Task<string> TranscribeConversationAsync()
    {
        var first = TestSpeech.Say(Lines[0], "en-us");
        var pause = TestSpeech.Silence(1.5);
        var second = TestSpeech.Say(Lines[1], "en-us+f3");
        var transcript = await Api.TranscribeAsync(TestSpeech.Concat(first, pause, second));
        Assert.True(transcript.GetProperty("status").GetString() == "completed", $"{transcript}\n{Server.Log}");
        var id = transcript.GetProperty("id").GetString()!;

        // The second voice starts after the first line and half the pause.
        LabelSpeakers(id, boundaryMs: (int)((WavSeconds(first) + 0.75) * 1000));
        return id;
    }

    public Task<IPage> SignedInPageAsync(ViewportSize viewport) => Browser.NewPageAsync(Server.BaseAddress, viewport, SignedIn);

    public Task<IPage> StrangerPageAsync(ViewportSize viewport) => Browser.NewPageAsync(Server.BaseAddress, viewport);

    /// <summary>The transcript's words as the API gives them.</summary>
    public async Task<List<TranscriptWord>> WordsAsync(string transcriptId)
    {
        var (_, body) = await Api.GetAsync($"/v2/transcript/{transcriptId}");
        return body.GetProperty("words").Deserialize<List<TranscriptWord>>(V2Json.Options)!;
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

    /// <summary>
    /// Gives the words speakers A and B, as diarization will once the engine offers speaker_labels (it answers "not
    /// supported yet" today): written straight into the server's SQLite database, as the job would store them.
    /// </summary>
    public void LabelSpeakers(string transcriptId, int boundaryMs)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(Server.DataDirectory, "verbatim.db")}");
        connection.Open();
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT WordsJson FROM Transcripts WHERE upper(Id) = upper($id)";
        read.Parameters.AddWithValue("$id", transcriptId);
        var words = JsonSerializer.Deserialize<List<TranscriptWord>>((string)read.ExecuteScalar()!, V2Json.Options)!;
        var labelled = words.Select(w => w with { Speaker = w.Start < boundaryMs ? "A" : "B" }).ToList();
        Assert.Contains(labelled, w => w.Speaker == "B");

        using var write = connection.CreateCommand();
        write.CommandText = "UPDATE Transcripts SET WordsJson = $words WHERE upper(Id) = upper($id)";
        write.Parameters.AddWithValue("$words", TranscriptMapper.WriteWords(labelled));
        write.Parameters.AddWithValue("$id", transcriptId);
        Assert.Equal(1, write.ExecuteNonQuery());
    }

    // espeak-ng writes 22.05 kHz 16-bit mono WAV with a 44-byte header.
    public static double WavSeconds(string path) => (new FileInfo(path).Length - 44) / (22050.0 * 2);
}
