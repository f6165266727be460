using System.Text.Json;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Streaming;

/// <summary>
/// AssemblyAI's official JavaScript SDK (<c>client.streaming.transcriber</c>, npm "assemblyai") against /v3/ws over
/// wss:, streaming generated speech in real time.
/// </summary>
[Collection(StreamingCollection.Name)]
public sealed class StreamingSdkTests(StreamingFixture fixture)
{
    [Fact]
    public async Task Transcriber_WithTemporaryToken_SendsPartialAndFinalTurnsThatMatchTheSpeech()
    {
        var result = await RunAsync("token", fixture.Conversation);

        Assert.False(string.IsNullOrEmpty(result.GetProperty("begin").GetProperty("id").GetString()));
        Assert.True(result.GetProperty("begin").GetProperty("expires_at").GetInt64() > DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.NotEmpty(result.GetProperty("speechStarted").EnumerateArray());

        var turns = result.GetProperty("turns").EnumerateArray().ToList();
        var finals = turns.Where(t => t.GetProperty("end_of_turn").GetBoolean() && !t.GetProperty("turn_is_formatted").GetBoolean()).ToList();
        Assert.True(finals.Count >= 2, Describe(result));
        Assert.Equal(Enumerable.Range(0, finals.Count), finals.Select(t => t.GetProperty("turn_order").GetInt32()));
        var heard = string.Join(' ', finals.Select(t => t.GetProperty("transcript").GetString()));
        var wer = WordErrorRate.Measure(StreamingFixture.First + " " + StreamingFixture.Second, heard);
        Assert.True(wer.Rate < 0.35, $"WER {wer}: {heard}");

        // Partials came while the first sentence was still being sent, with the words so far.
        var partials = turns.Where(t => !t.GetProperty("end_of_turn").GetBoolean()).ToList();
        Assert.Contains(partials, t => t.GetProperty("turn_order").GetInt32() == 0 && t.GetProperty("sent_ms").GetDouble() < fixture.SecondStartsMs - 1500
            && t.GetProperty("words").GetArrayLength() >= 2);
        Assert.All(partials, t => Assert.Equal("", t.GetProperty("utterance").GetString()));

        // format_turns: each final turn again, formatted.
        var formatted = turns.Where(t => t.GetProperty("turn_is_formatted").GetBoolean()).ToList();
        Assert.Equal(finals.Count, formatted.Count);
        Assert.All(formatted, t => Assert.Matches(@"^[A-Z].*[.?!]$", t.GetProperty("transcript").GetString()));
        Assert.All(finals.SelectMany(t => t.GetProperty("words").EnumerateArray()), w =>
        {
            Assert.True(w.GetProperty("word_is_final").GetBoolean());
            Assert.True(w.GetProperty("end").GetInt32() > w.GetProperty("start").GetInt32());
        });
        // Word times are the session's audio times: the second sentence's words start after its audio does.
        var secondTurnStart = finals[^1].GetProperty("words")[0].GetProperty("start").GetInt32();
        Assert.InRange(secondTurnStart, fixture.SecondStartsMs - 400, fixture.SecondStartsMs + 800);

        var termination = result.GetProperty("termination");
        var sentSeconds = result.GetProperty("audioSentMs").GetDouble() / 1000;
        Assert.InRange(termination.GetProperty("audio_duration_seconds").GetInt32(), Math.Floor(sentSeconds), Math.Ceiling(sentSeconds));
        Assert.True(termination.GetProperty("session_duration_seconds").GetInt32() >= Math.Floor(sentSeconds));
    }

    [Fact]
    public async Task Transcriber_WithApiKey_Streams()
    {
        var result = await RunAsync("apikey", fixture.Conversation);
        var finals = FinalTurns(result);
        Assert.True(finals.Count >= 2, Describe(result));
        var heard = string.Join(' ', finals);
        Assert.True(WordErrorRate.Measure(StreamingFixture.First + " " + StreamingFixture.Second, heard).Rate < 0.35, heard);
    }

    [Fact]
    public async Task UpdateConfiguration_LongerTurnSilence_KeepsBothSentencesInOneTurn()
    {
        var result = await RunAsync("update", fixture.Conversation);
        var finals = FinalTurns(result);
        // The 1.5 s pause no longer ends the turn (max_turn_silence 3000): one turn holds both sentences.
        Assert.True(finals.Count == 1, Describe(result));
        Assert.True(WordErrorRate.Measure(StreamingFixture.First + " " + StreamingFixture.Second, finals[0]).Rate < 0.35, finals[0]);
    }

    [Fact]
    public async Task ForceEndpoint_MidSentence_EndsTheTurnThere()
    {
        // Forced 2.5 s into the audio, about half-way through the first sentence, where there is no pause.
        var result = await RunAsync("force", fixture.Conversation, "2500");
        var turns = result.GetProperty("turns").EnumerateArray()
            .Where(t => t.GetProperty("end_of_turn").GetBoolean() && !t.GetProperty("turn_is_formatted").GetBoolean()).ToList();
        Assert.True(turns.Count >= 3, Describe(result));
        var firstEnd = turns[0].GetProperty("words").EnumerateArray().Last().GetProperty("end").GetInt32();
        Assert.InRange(firstEnd, 1200, 2700);
    }

    [Fact]
    public async Task BadToken_IsRefusedWith1008()
    {
        var result = await RunAsync("bad-token");
        Assert.False(result.GetProperty("connected").GetBoolean());
        Assert.Equal(1008, result.GetProperty("code").GetInt32());
        Assert.Equal("Unauthorized Connection: Invalid token", result.GetProperty("message").GetString());
    }

    [Fact]
    public async Task ExpiredToken_IsRefusedWith1008()
    {
        var result = await RunAsync("expired-token");
        Assert.False(result.GetProperty("connected").GetBoolean());
        Assert.Equal(1008, result.GetProperty("code").GetInt32());
        Assert.Equal("Unauthorized Connection: Token expired", result.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Token_UsedTwice_IsRefusedTheSecondTime()
    {
        var result = await RunAsync("reused-token");
        Assert.False(result.GetProperty("connected").GetBoolean());
        Assert.Equal(1008, result.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task OneSessionMoreThanTheTeamLimit_IsRefusedWith3009()
    {
        var result = await RunAsync("too-many", null, StreamingFixture.SessionsPerTeam.ToString());
        Assert.False(result.GetProperty("connected").GetBoolean());
        Assert.Equal(3009, result.GetProperty("code").GetInt32());
        Assert.Equal("Unauthorized Connection: Too many concurrent sessions", result.GetProperty("message").GetString());
    }

    private Task<JsonElement> RunAsync(string mode, string? wav = null, string? extra = null) =>
        JavaScriptSdk.RunAsync("streaming-flow.mjs", fixture.Server, fixture.Key, fixture.Certificate, [mode, wav ?? "", extra ?? ""]);

    private static List<string> FinalTurns(JsonElement result) =>
        [.. result.GetProperty("turns").EnumerateArray()
            .Where(t => t.GetProperty("end_of_turn").GetBoolean() && !t.GetProperty("turn_is_formatted").GetBoolean())
            .Select(t => t.GetProperty("transcript").GetString()!)];

    private static string Describe(JsonElement result) => string.Join('\n', result.GetProperty("turns").EnumerateArray()
        .Select(t => $"{t.GetProperty("turn_order")} eot={t.GetProperty("end_of_turn")} fmt={t.GetProperty("turn_is_formatted")} sent={t.GetProperty("sent_ms")}: {t.GetProperty("transcript")} | {string.Join(' ', t.GetProperty("words").EnumerateArray().Select(w => w.GetProperty("text").GetString()))}"));
}
