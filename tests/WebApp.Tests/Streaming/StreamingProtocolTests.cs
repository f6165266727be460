using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Streaming;

/// <summary>/v3/ws and /v3/token through .NET's ClientWebSocket and HttpClient, for what the SDK cannot send.</summary>
[Collection(StreamingCollection.Name)]
public sealed class StreamingProtocolTests(StreamingFixture fixture)
{
    [Theory]
    [InlineData("sample_rate=abc", "Invalid Configuration: sample_rate must be an integer from 8000 to 48000")]
    [InlineData("encoding=opus&sample_rate=16000", "Invalid Configuration: encoding opus is not supported; use pcm_s16le or pcm_mulaw")]
    [InlineData("sample_rate=16000&speaker_labels=true", "speaker_labels is not supported")]
    [InlineData("sample_rate=16000&speech_model=universal-streaming-multilingual", "English only")]
    public async Task BadParameters_CloseWith3006(string query, string message)
    {
        var (error, status) = await OpenAndReadErrorAsync(query);
        Assert.Equal(3006, (int)status!);
        Assert.Contains(message, error);
    }

    [Fact]
    public async Task NoCredentials_CloseWith1008()
    {
        var (error, status) = await OpenAndReadErrorAsync("sample_rate=16000", withKey: false);
        Assert.Equal(1008, (int)status!);
        Assert.Equal("Unauthorized Connection: Missing Authorization header", error);
    }

    [Fact]
    public async Task UnknownMessageType_ClosesWith3006()
    {
        using var socket = await ConnectAsync("sample_rate=16000");
        await ReadAsync(socket); // Begin
        await socket.SendAsync(Encoding.UTF8.GetBytes("""{"type":"Dance"}"""), WebSocketMessageType.Text, true, default);
        var error = await ReadAsync(socket);
        Assert.Equal(3006, error.GetProperty("error_code").GetInt32());
        Assert.Equal("Invalid Message Type: Dance", error.GetProperty("error").GetString());
        await ReadAsync(socket, expectClose: true);
        Assert.Equal(3006, (int)socket.CloseStatus!);
    }

    [Fact]
    public async Task AudioChunkLongerThanOneSecond_ClosesWith3007()
    {
        using var socket = await ConnectAsync("sample_rate=16000");
        await ReadAsync(socket);
        await socket.SendAsync(new byte[16000 * 2 * 2], WebSocketMessageType.Binary, true, default);
        var error = await ReadAsync(socket);
        Assert.Equal(3007, error.GetProperty("error_code").GetInt32());
        Assert.Equal("Input duration violation: 2000 ms. Expected between 50 and 1000 ms", error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Terminate_WithMulawAt8kHz_SendsTurnsAndTermination()
    {
        // The first sentence as 8 kHz μ-law (telephone audio), sent faster than real time within the allowed burst.
        var mulaw = File.ReadAllBytes(TestSpeech.Convert(TestSpeech.Say(StreamingFixture.First), ".raw", "-ar", "8000", "-f", "mulaw"));
        using var socket = await ConnectAsync("sample_rate=8000&encoding=pcm_mulaw");
        Assert.Equal("Begin", (await ReadAsync(socket)).GetProperty("type").GetString());
        var reader = Task.Run(async () =>
        {
            var messages = new List<JsonElement>();
            while (true)
            {
                var message = await ReadAsync(socket);
                messages.Add(message);
                if (message.GetProperty("type").GetString() == "Termination")
                {
                    return messages;
                }
            }
        });
        // 100 ms pieces; a last piece under 50 ms is left out, as AssemblyAI refuses it.
        for (var offset = 0; mulaw.Length - offset >= 400; offset += 800)
        {
            await socket.SendAsync(mulaw.AsMemory(offset, Math.Min(800, mulaw.Length - offset)), WebSocketMessageType.Binary, true, default);
            await Task.Delay(20);
        }

        await socket.SendAsync(Encoding.UTF8.GetBytes("""{"type":"Terminate"}"""), WebSocketMessageType.Text, true, default);
        var all = await reader.WaitAsync(TimeSpan.FromSeconds(90));
        var final = all.Single(m => m.GetProperty("type").GetString() == "Turn" && m.GetProperty("end_of_turn").GetBoolean());
        var text = final.GetProperty("transcript").GetString()!;
        Assert.True(WordErrorRate.Measure(StreamingFixture.First, text).Rate < 0.4, text);
        var termination = all[^1];
        Assert.InRange(termination.GetProperty("audio_duration_seconds").GetInt32(), 3, 6);
        await ReadAsync(socket, expectClose: true);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
    }

    [Fact]
    public async Task UpdateConfiguration_WithKeyterms_BiasesTheTurnsAfterIt()
    {
        const string Sentence = "doctor okonkwo will see you in the morning";
        var speech = File.ReadAllBytes(TestSpeech.Convert(
            TestSpeech.Concat(TestSpeech.Silence(0.5), TestSpeech.Say(Sentence), TestSpeech.Silence(1.5)), ".raw", "-ar", "16000", "-ac", "1", "-f", "s16le"));
        using var socket = await ConnectAsync("sample_rate=16000");
        await ReadAsync(socket); // Begin
        await LiveSocket.SendAudioAsync(socket, speech, pauseMs: 80);
        var before = new List<JsonElement>();
        while (!LiveSocket.FinalTurns(before).Any())
        {
            before.Add(await ReadAsync(socket));
        }

        await LiveSocket.SendJsonAsync(socket, """{"type":"UpdateConfiguration","keyterms_prompt":["Okonkwo"]}""");
        var reading = LiveSocket.ReadUntilAsync(socket, "Termination");
        await LiveSocket.SendAudioAsync(socket, speech, pauseMs: 80);
        await LiveSocket.SendJsonAsync(socket, """{"type":"Terminate"}""");
        var after = await reading.WaitAsync(TimeSpan.FromSeconds(90));

        var first = LiveSocket.FinalTurns(before).Single().GetProperty("transcript").GetString()!;
        var second = string.Join(' ', LiveSocket.FinalTurns(after).Select(t => t.GetProperty("transcript").GetString()));
        Assert.DoesNotContain("okonkwo", first, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Okonkwo", second);
    }

    [Fact]
    public async Task UpdateConfiguration_WithKeytermsNotAnArray_ClosesWith3006()
    {
        using var socket = await ConnectAsync("sample_rate=16000");
        await ReadAsync(socket);
        await LiveSocket.SendJsonAsync(socket, """{"type":"UpdateConfiguration","keyterms_prompt":"Okonkwo"}""");
        var error = await ReadAsync(socket);
        Assert.Equal(3006, error.GetProperty("error_code").GetInt32());
        Assert.Equal("Invalid Configuration: keyterms_prompt must be an array of strings", error.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("", 400, "expires_in_seconds is required")]
    [InlineData("?expires_in_seconds=0", 400, "expires_in_seconds must be between 1 and 600 seconds")]
    [InlineData("?expires_in_seconds=60&max_session_duration_seconds=30", 400, "max_session_duration_seconds must be between 60 and 10800 seconds")]
    public async Task Token_WithBadParameters_Is400(string query, int status, string error)
    {
        using var http = fixture.Server.CreateClient(fixture.Key);
        var response = await http.GetAsync("/v3/token" + query);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(error, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_WithoutKey_Is401()
    {
        using var http = fixture.Server.CreateClient(null);
        var response = await http.GetAsync("/v3/token?expires_in_seconds=60");
        Assert.Equal(401, (int)response.StatusCode);
    }

    private async Task<(string Error, WebSocketCloseStatus? Status)> OpenAndReadErrorAsync(string query, bool withKey = true)
    {
        using var socket = await ConnectAsync(query, withKey);
        var error = await ReadAsync(socket);
        Assert.Equal("Error", error.GetProperty("type").GetString());
        await ReadAsync(socket, expectClose: true);
        Assert.Equal(error.GetProperty("error_code").GetInt32(), (int)socket.CloseStatus!);
        return (error.GetProperty("error").GetString()!, socket.CloseStatus);
    }

    private async Task<ClientWebSocket> ConnectAsync(string query, bool withKey = true)
    {
        var socket = new ClientWebSocket();
        socket.Options.RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == fixture.Certificate.Thumbprint;
        if (withKey)
        {
            socket.Options.SetRequestHeader("Authorization", fixture.Key);
        }

        var uri = new UriBuilder(fixture.Server.BaseAddress) { Scheme = "wss", Path = "/v3/ws", Query = query }.Uri;
        await socket.ConnectAsync(uri, default);
        return socket;
    }

    private static Task<JsonElement> ReadAsync(ClientWebSocket socket, bool expectClose = false) => LiveSocket.ReadAsync(socket, expectClose);
}
