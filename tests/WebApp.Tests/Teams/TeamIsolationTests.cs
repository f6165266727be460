using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using WebApp.Data.Entities;
using WebApp.Teams;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Teams;

/// <summary>
/// One real server: Ann's team X holds a completed transcript; Bob is in team Y only; Vera is a viewer of X. Over real
/// HTTP and SignalR, Bob reaches nothing of X and Vera reads and exports X but changes nothing, by any path.
/// </summary>
public sealed class TeamIsolationFixture : IAsyncLifetime
{
    public VerbatimServer Server { get; } = new();

    public BrowserSession Ann { get; private set; } = default!;

    public BrowserSession Bob { get; private set; } = default!;

    public BrowserSession Vera { get; private set; } = default!;

    public V2Client AnnApi { get; private set; } = default!;

    public V2Client BobApi { get; private set; } = default!;

    public V2Client VeraApi { get; private set; } = default!;

    public Guid TeamX { get; private set; }

    public string TranscriptId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Server.StartAsync();
        Ann = await BrowserSession.RegisterAsync(Server.BaseAddress, "ann@example.com");
        Bob = await BrowserSession.RegisterAsync(Server.BaseAddress, "bob@example.com");
        Vera = await BrowserSession.RegisterAsync(Server.BaseAddress, "vera@example.com");
        await using (var db = Server.OpenDatabase())
        {
            var ann = await db.Users.SingleAsync(u => u.Email == "ann@example.com");
            var vera = await db.Users.SingleAsync(u => u.Email == "vera@example.com");
            TeamX = ann.PersonalTeamId;
            db.TeamMembers.Add(new TeamMember { TeamId = TeamX, UserId = vera.Id, Role = TeamRole.Viewer, JoinedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            Assert.True(await db.SetActiveTeamAsync(vera.Id, TeamX));
        }

        // create-api-key makes the key for the account's active team: Vera's is team X's, with her viewer role.
        AnnApi = new V2Client(Server.CreateClient(await Server.CreateApiKeyAsync(Ann.Email)));
        BobApi = new V2Client(Server.CreateClient(await Server.CreateApiKeyAsync(Bob.Email)));
        VeraApi = new V2Client(Server.CreateClient(await Server.CreateApiKeyAsync(Vera.Email)));
        var transcript = await AnnApi.TranscribeAsync(TestSpeech.Say("the quarterly numbers are confidential"));
        Assert.True(transcript.GetProperty("status").GetString() == "completed", $"{transcript}\n{Server.Log}");
        TranscriptId = transcript.GetProperty("id").GetString()!;
    }

    public async Task DisposeAsync()
    {
        foreach (var disposable in new IDisposable?[] { Ann, Bob, Vera, AnnApi, BobApi, VeraApi })
        {
            disposable?.Dispose();
        }

        await Server.DisposeAsync();
    }
}

public sealed class TeamIsolationTests(TeamIsolationFixture fixture) : IClassFixture<TeamIsolationFixture>
{
    private static readonly string[] ReadPaths = ["", "/sentences", "/paragraphs", "/srt", "/vtt", "/word-search?words=numbers", "/redacted-audio"];

    [Fact]
    public async Task AnotherTeamsMember_GetsNotFound_OnEveryV2PathOfTheTranscript_AndItIsNotInTheirList()
    {
        foreach (var path in ReadPaths)
        {
            var (status, body) = await fixture.BobApi.GetAsync($"/v2/transcript/{fixture.TranscriptId}{path}");
            Assert.True(status == HttpStatusCode.NotFound, $"{path}: {(int)status} {body}");
            Assert.Equal("Transcript not found", body.GetProperty("error").GetString());
        }

        var (_, list) = await fixture.BobApi.GetAsync("/v2/transcript?limit=200");
        Assert.DoesNotContain(fixture.TranscriptId, list.GetProperty("transcripts").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        using var delete = await fixture.BobApi.Http.DeleteAsync($"/v2/transcript/{fixture.TranscriptId}");
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
    }

    [Fact]
    public async Task AnotherTeamsMember_GetsNotFound_ForTheAudioExportsAndReaderInTheBrowser()
    {
        foreach (var path in new[] { "audio", "export/txt", "export/srt", "export/docx" })
        {
            using var response = await fixture.Bob.Http.GetAsync($"/app/transcripts/{fixture.TranscriptId}/{path}");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        }

        // The same URLs work for Ann (and Vera, a viewer: she may listen and export).
        foreach (var session in new[] { fixture.Ann, fixture.Vera })
        {
            using var audio = await session.Http.GetAsync($"/app/transcripts/{fixture.TranscriptId}/audio");
            using var export = await session.Http.GetAsync($"/app/transcripts/{fixture.TranscriptId}/export/txt");
            Assert.Equal(HttpStatusCode.OK, audio.StatusCode);
            Assert.Contains("numbers", await export.Content.ReadAsStringAsync());
        }

        using var bobsReader = await fixture.Bob.Http.GetAsync($"/transcripts/{fixture.TranscriptId}");
        Assert.Equal(HttpStatusCode.NotFound, bobsReader.StatusCode);
        Assert.DoesNotContain("confidential", await bobsReader.Content.ReadAsStringAsync());
        var bobsLibrary = await fixture.Bob.Http.GetStringAsync("/transcripts?q=confidential");
        Assert.DoesNotContain(fixture.TranscriptId, bobsLibrary);
        var annsReader = await fixture.Ann.Http.GetStringAsync($"/transcripts/{fixture.TranscriptId}");
        Assert.Contains("confidential", annsReader);
    }

    [Fact]
    public async Task AnotherTeamsHubConnection_HearsNothingOfTheTeamsJobs()
    {
        await using var bob = await TranscriptWatcher.StartAsync(fixture.Bob);
        await using var vera = await TranscriptWatcher.StartAsync(fixture.Vera);
        var created = await fixture.AnnApi.CreateTranscriptAsync(new { audio_url = await fixture.AnnApi.UploadAsync(TestSpeech.Say("hello team")) });
        var id = created.GetProperty("id").GetString()!;

        // Vera (in team X) hears it finish; by then Bob (team Y only) would have heard it too, had it reached him.
        await vera.WaitForAsync(id, "completed");
        Assert.Empty(bob.For(id));
        Assert.DoesNotContain(bob.All, change => change.GetProperty("transcriptId").GetString() == id);
    }

    [Fact]
    public async Task ViewersKey_Reads_ButUploadCreateAndDeleteAre403WithAssemblyAIsErrorShape()
    {
        var (getStatus, got) = await fixture.VeraApi.GetAsync($"/v2/transcript/{fixture.TranscriptId}");
        Assert.Equal(HttpStatusCode.OK, getStatus);
        Assert.Contains("numbers", got.GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.OK, (await fixture.VeraApi.GetAsync($"/v2/transcript/{fixture.TranscriptId}/sentences")).Status);

        using var upload = await fixture.VeraApi.Http.PostAsync("/v2/upload", new ByteArrayContent(await File.ReadAllBytesAsync(TestSpeech.Say("hello"))));
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal(TeamPermissions.ViewerRefusal, (await upload.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("error").GetString());

        var (createStatus, created) = await fixture.VeraApi.PostTranscriptAsync(new { audio_url = "https://example.com/a.mp3" });
        Assert.Equal(HttpStatusCode.Forbidden, createStatus);
        Assert.Equal(TeamPermissions.ViewerRefusal, created.GetProperty("error").GetString());

        using var delete = await fixture.VeraApi.Http.DeleteAsync($"/v2/transcript/{fixture.TranscriptId}");
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        var (_, still) = await fixture.AnnApi.GetAsync($"/v2/transcript/{fixture.TranscriptId}");
        Assert.Equal("completed", still.GetProperty("status").GetString());
        Assert.Contains("numbers", still.GetProperty("text").GetString());

        // Nothing Vera sent was stored.
        await using var db = fixture.Server.OpenDatabase();
        var veraId = await db.Users.Where(u => u.Email == "vera@example.com").Select(u => u.Id).SingleAsync();
        Assert.False(await db.Uploads.AnyAsync(u => u.UserId == veraId));
        Assert.False(await db.Transcripts.AnyAsync(t => t.UserId == veraId));
    }

    [Fact]
    public async Task Viewer_CannotUploadInTheBrowser_AndTheirReaderOffersNoShareOrEdit()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/app/uploads?name=a.wav") { Content = new ByteArrayContent(await File.ReadAllBytesAsync(TestSpeech.Say("hello"))) };
        request.Headers.Add("RequestVerificationToken", await fixture.Vera.AntiforgeryTokenAsync());
        using var response = await fixture.Vera.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Viewers", await response.Content.ReadAsStringAsync());

        var reader = await fixture.Vera.Http.GetStringAsync($"/transcripts/{fixture.TranscriptId}");
        Assert.Contains("confidential", reader);
        Assert.DoesNotContain("data-testid=\"open-share\"", reader);
        Assert.DoesNotContain("data-testid=\"toggle-editing\"", reader);
        var annsReader = await fixture.Ann.Http.GetStringAsync($"/transcripts/{fixture.TranscriptId}");
        Assert.Contains("data-testid=\"open-share\"", annsReader);
        var library = await fixture.Vera.Http.GetStringAsync("/transcripts");
        Assert.DoesNotContain("data-testid=\"delete-transcript\"", library);
        var newPage = await fixture.Vera.Http.GetStringAsync("/transcripts/new");
        Assert.Contains("data-testid=\"viewer-notice\"", newPage);
    }

    [Fact]
    public async Task SwitchingTeams_OnlyToATeamOfOnesOwn()
    {
        var bobsToken = await fixture.Bob.AntiforgeryTokenAsync();
        using var refused = await fixture.Bob.Http.PostAsync(TeamsExtensions.SwitchPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = bobsToken,
            ["teamId"] = fixture.TeamX.ToString(),
            ["returnUrl"] = "/transcripts",
        }));
        // Forbidden, shown as the cookie scheme shows it: the access-denied page; Bob's team stays his own.
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("Account/AccessDenied", refused.Headers.Location!.OriginalString);
        Assert.DoesNotContain(fixture.TranscriptId, await fixture.Bob.Http.GetStringAsync("/transcripts"));

        // Vera switches to her personal team and back: the library follows.
        await using var db = fixture.Server.OpenDatabase();
        var veraPersonal = await db.Users.Where(u => u.Email == "vera@example.com").Select(u => u.PersonalTeamId).SingleAsync();
        foreach (var (team, shows) in new[] { (veraPersonal, false), (fixture.TeamX, true) })
        {
            using var switched = await fixture.Vera.Http.PostAsync(TeamsExtensions.SwitchPath, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = await fixture.Vera.AntiforgeryTokenAsync(),
                ["teamId"] = team.ToString(),
                ["returnUrl"] = "//evil.example.com/",
            }));
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
            Assert.Equal("/transcripts", switched.Headers.Location!.OriginalString);
            Assert.Equal(shows, (await fixture.Vera.Http.GetStringAsync("/transcripts")).Contains(fixture.TranscriptId, StringComparison.Ordinal));
        }
    }
}
