using System.Net;
using System.Text.Json;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Api;

/// <summary>AssemblyAI's quick-start, step by step, against Verbatim: upload, create, poll, read.</summary>
[Collection(ApiCollection.Name)]
public sealed class QuickStartTests(ApiFixture fixture)
{
    [Fact]
    public async Task QuickStart_UploadCreatePoll_CompletesWithWordsInAssemblyAiShape()
    {
        using var ann = fixture.Ann();
        var audio = TestSpeech.Say(TestSpeech.Sentence);

        var uploadUrl = await ann.UploadAsync(audio);
        Assert.StartsWith(fixture.Server.BaseAddress + "v2/upload/", uploadUrl);

        var created = await ann.CreateTranscriptAsync(new { audio_url = uploadUrl, speech_models = new[] { "universal-3-pro", "universal-2" } });
        Assert.Equal("queued", created.GetProperty("status").GetString());
        Assert.True(Guid.TryParse(created.GetProperty("id").GetString(), out _));
        Assert.Equal(uploadUrl, created.GetProperty("audio_url").GetString());

        var transcript = await ann.WaitForTranscriptAsync(created.GetProperty("id").GetString()!);
        Assert.True(transcript.GetProperty("status").GetString() == "completed", $"{transcript}\n{fixture.Server.Log}");

        var words = transcript.GetProperty("words").EnumerateArray().ToList();
        var recognised = words.Select(w => w.GetProperty("text").GetString()!).ToList();
        Assert.True(WordErrorRateOf(TestSpeech.Sentence, recognised) < 0.35, $"recognised: {string.Join(' ', recognised)}");
        Assert.Equal(string.Join(' ', recognised), transcript.GetProperty("text").GetString(), ignoreCase: true);

        var duration = transcript.GetProperty("audio_duration").GetInt32();
        Assert.InRange(duration, 3, 8);
        var previousEnd = 0;
        foreach (var word in words)
        {
            var start = word.GetProperty("start").GetInt32();
            var end = word.GetProperty("end").GetInt32();
            Assert.True(start >= previousEnd - 50 && end > start && end <= duration * 1000 + 1000, $"bad timing {word}");
            Assert.InRange(word.GetProperty("confidence").GetDouble(), 0, 1);
            Assert.Equal(JsonValueKind.Null, word.GetProperty("speaker").ValueKind);
            previousEnd = end;
        }

        Assert.InRange(transcript.GetProperty("confidence").GetDouble(), 0, 1);
        Assert.Equal("en_us", transcript.GetProperty("language_code").GetString());
        Assert.Equal("pocketsphinx-en-us", transcript.GetProperty("speech_model_used").GetString());
        Assert.Equal(["universal-3-pro", "universal-2"], transcript.GetProperty("speech_models").EnumerateArray().Select(m => m.GetString()));
        // Every request flag is echoed with AssemblyAI's defaults.
        Assert.True(transcript.GetProperty("punctuate").GetBoolean());
        Assert.True(transcript.GetProperty("format_text").GetBoolean());
        Assert.False(transcript.GetProperty("speaker_labels").GetBoolean());
        Assert.False(transcript.GetProperty("redact_pii").GetBoolean());
        Assert.Equal(JsonValueKind.Null, transcript.GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task Create_WithoutSpeechModels_UsesTheDefaultAndSaysWhichRan()
    {
        using var ann = fixture.Ann();
        var transcript = await ann.TranscribeAsync(TestSpeech.Say("hello world"));
        Assert.Equal("completed", transcript.GetProperty("status").GetString());
        Assert.Equal("pocketsphinx-en-us", transcript.GetProperty("speech_model_used").GetString());
        Assert.Equal(JsonValueKind.Null, transcript.GetProperty("speech_models").ValueKind);
    }

    [Fact]
    public async Task Health_AnswersHealthy()
    {
        using var anonymous = fixture.Server.CreateClient(apiKey: null);
        var response = await anonymous.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheV2Endpoints()
    {
        using var anonymous = fixture.Server.CreateClient(apiKey: null);
        var document = await V2Client.ReadJsonAsync(await anonymous.GetAsync("/openapi/v2.json"));
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/v2/upload", paths);
        Assert.Contains("/v2/transcript", paths);
        Assert.Contains("/v2/transcript/{transcriptId}", paths);
    }

    internal static double WordErrorRateOf(string reference, IEnumerable<string> hypothesis) =>
        WordErrorRate.Measure(reference, string.Join(' ', hypothesis)).Rate;
}
