using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WebApp.Data.Entities;
using WebApp.Tests.Infrastructure;
using WebApp.Tests.Streaming;

namespace WebApp.Tests.Regions;

/// <summary>
/// /&lt;region&gt;/v3 for a remote region: front relays the token request and the live session to the upstream (a
/// second real Verbatim), which decodes the speech.
/// </summary>
[Collection(RegionsCollection.Name)]
public sealed class RegionStreamingTests(RegionsFixture fixture)
{
    private const string Sentence = "we will go to the park in the afternoon and play football with our friends";

    [Fact]
    public async Task RegionToken_OpensARelayedSession_WhoseTurnsMatchTheSpeech_AndRunOnTheUpstream()
    {
        using var http = fixture.Front.CreateClient(fixture.AnnKey);
        using var answer = await http.GetAsync("/eu/v3/token?expires_in_seconds=60");
        var body = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.IsSuccessStatusCode, body);
        var token = JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;

        using var socket = await ConnectAsync($"/eu/v3/ws?sample_rate=16000&format_turns=true&token={token}", apiKey: null);
        var begin = await LiveSocket.ReadAsync(socket);
        Assert.Equal("Begin", begin.GetProperty("type").GetString());
        var sessionId = begin.GetProperty("id").GetString()!;
        var reading = LiveSocket.ReadUntilAsync(socket, "Termination");
        await LiveSocket.SendAudioAsync(socket, Speech(Sentence));
        await LiveSocket.SendJsonAsync(socket, """{"type":"Terminate"}""");
        var messages = await reading.WaitAsync(TimeSpan.FromSeconds(90));
        await LiveSocket.ReadAsync(socket, expectClose: true);

        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
        Assert.Contains(messages, m => m.GetProperty("type").GetString() == "Turn" && !m.GetProperty("end_of_turn").GetBoolean());
        var heard = string.Join(' ', LiveSocket.FinalTurns(messages).Select(t => t.GetProperty("transcript").GetString()));
        Assert.True(WordErrorRate.Measure(Sentence, heard).Rate < 0.4, heard);
        Assert.Contains(messages, m => m.GetProperty("type").GetString() == "Turn" && m.GetProperty("turn_is_formatted").GetBoolean());
        Assert.InRange(messages[^1].GetProperty("audio_duration_seconds").GetInt32(), 3, 8);
        // The session ran upstream; front only relayed it.
        Assert.Contains($"Live session {sessionId} began", fixture.Upstream.Log);
        Assert.DoesNotContain(sessionId, fixture.Front.Log);
    }

    [Fact]
    public async Task RegionSession_WithApiKey_PassesTheUpstreamsErrorAndCloseCodeThrough()
    {
        using var socket = await ConnectAsync("/eu/v3/ws?sample_rate=16000", fixture.AnnKey);
        var sessionId = (await LiveSocket.ReadAsync(socket)).GetProperty("id").GetString()!;
        await LiveSocket.SendJsonAsync(socket, """{"type":"Dance"}""");
        var error = await LiveSocket.ReadAsync(socket);
        await LiveSocket.ReadAsync(socket, expectClose: true);

        Assert.Equal(3006, error.GetProperty("error_code").GetInt32());
        Assert.Equal("Invalid Message Type: Dance", error.GetProperty("error").GetString());
        Assert.Equal(3006, (int)socket.CloseStatus!);
        Assert.Equal("Invalid Message Type: Dance", socket.CloseStatusDescription);
        Assert.Contains($"Live session {sessionId} began", fixture.Upstream.Log);
    }

    [Fact]
    public async Task RegionSession_ClosedByTheClient_EndsUpstream()
    {
        using var socket = await ConnectAsync("/eu/v3/ws?sample_rate=16000", fixture.AnnKey);
        var sessionId = (await LiveSocket.ReadAsync(socket)).GetProperty("id").GetString()!;
        await LiveSocket.SendAudioAsync(socket, new byte[16000 * 2]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);

        Assert.Equal(WebSocketState.Closed, socket.State);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!fixture.Upstream.Log.Contains($"Live session {sessionId} ended") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.Contains($"Live session {sessionId} ended", fixture.Upstream.Log);
    }

    [Fact]
    public async Task RegionTurnedOffForTheTeam_RefusesTokenWith403_AndSessionWith1008()
    {
        var key = await fixture.Front.CreateApiKeyAsync("carol@example.com");
        await using (var db = fixture.Front.OpenDatabase())
        {
            var teamId = await db.TeamMembers.Where(m => m.User!.Email == "carol@example.com").Select(m => m.TeamId).SingleAsync();
            db.TeamRegionSettings.Add(new TeamRegionSetting { TeamId = teamId, Region = "eu", Disabled = true, UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        using var http = fixture.Front.CreateClient(key);
        using var token = await http.GetAsync("/eu/v3/token?expires_in_seconds=60");
        Assert.Equal(403, (int)token.StatusCode);
        Assert.Contains("Region \"eu\" is turned off for your team", JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        using var noKey = await http.GetAsync("/nokey/v3/token?expires_in_seconds=60");
        Assert.Equal(403, (int)noKey.StatusCode);

        using var socket = await ConnectAsync("/eu/v3/ws?sample_rate=16000", key);
        var error = await LiveSocket.ReadAsync(socket);
        await LiveSocket.ReadAsync(socket, expectClose: true);
        Assert.Equal(1008, error.GetProperty("error_code").GetInt32());
        Assert.StartsWith("Unauthorized Connection: Region \"eu\" is turned off for your team", error.GetProperty("error").GetString());
        Assert.Equal(1008, (int)socket.CloseStatus!);

        // A token minted for this server's own engines does not open a session in a region.
        using var annHttp = fixture.Front.CreateClient(fixture.AnnKey);
        var local = JsonDocument.Parse(await annHttp.GetStringAsync("/local/v3/token?expires_in_seconds=60")).RootElement.GetProperty("token").GetString();
        using var misplaced = await ConnectAsync($"/eu/v3/ws?sample_rate=16000&token={local}", apiKey: null);
        Assert.Equal("Unauthorized Connection: Invalid token", (await LiveSocket.ReadAsync(misplaced)).GetProperty("error").GetString());
    }

    private async Task<ClientWebSocket> ConnectAsync(string pathAndQuery, string? apiKey)
    {
        var socket = new ClientWebSocket();
        if (apiKey is not null)
        {
            socket.Options.SetRequestHeader("Authorization", apiKey);
        }

        var parts = pathAndQuery.Split('?', 2);
        await socket.ConnectAsync(new UriBuilder(fixture.Front.BaseAddress) { Scheme = "ws", Path = parts[0], Query = parts[1] }.Uri, default);
        return socket;
    }

    /// <summary>The sentence (flite kal16) with 1.5 s of quiet after it, as 16 kHz s16le.</summary>
    private static byte[] Speech(string text) => File.ReadAllBytes(TestSpeech.Convert(
        TestSpeech.Concat(TestSpeech.Silence(0.5), TestSpeech.Say(text), TestSpeech.Silence(1.5)), ".raw", "-ar", "16000", "-ac", "1", "-f", "s16le"));
}
