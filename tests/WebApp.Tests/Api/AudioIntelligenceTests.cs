using System.Net;
using System.Text;
using System.Text.Json;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Api;

/// <summary>entity_detection, auto_highlights, sentiment_analysis and speech_threshold over real HTTP, and the options refused.</summary>
[Collection(ApiCollection.Name)]
public sealed class AudioIntelligenceTests(ApiFixture fixture)
{
    [Fact]
    public async Task SentimentAnalysis_GivesEachSentenceALabel()
    {
        using var ann = fixture.Ann();
        var audio = TestSpeech.Concat(TestSpeech.Say("i love this wonderful city"), TestSpeech.Silence(1.5), TestSpeech.Say("the food was terrible and the service was awful"));
        var transcript = await ann.TranscribeAsync(audio, new { sentiment_analysis = true });
        Assert.True(transcript.GetProperty("status").GetString() == "completed", transcript.ToString());
        Assert.True(transcript.GetProperty("sentiment_analysis").GetBoolean());

        var results = transcript.GetProperty("sentiment_analysis_results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        Assert.Equal(["POSITIVE", "NEGATIVE"], results.Select(r => r.GetProperty("sentiment").GetString()));
        Assert.All(results, r => Assert.InRange(r.GetProperty("confidence").GetDouble(), 0.5, 1));
        Assert.True(results[0].GetProperty("end").GetInt32() <= results[1].GetProperty("start").GetInt32());
        Assert.Equal(JsonValueKind.Null, results[0].GetProperty("speaker").ValueKind);
        Assert.Equal(JsonValueKind.Null, transcript.GetProperty("entities").ValueKind);
    }

    [Fact]
    public async Task EntityDetection_FindsEntitiesAndKeepsRedactedTextRedacted()
    {
        using var ann = fixture.Ann();
        var audio = TestSpeech.Say("my phone number is four one five five five five one two three four");

        var plain = await ann.TranscribeAsync(audio, new { entity_detection = true });
        Assert.True(plain.GetProperty("entity_detection").GetBoolean());
        var phone = Assert.Single(plain.GetProperty("entities").EnumerateArray(), e => e.GetProperty("entity_type").GetString() == "phone_number");
        Assert.Contains("555", phone.GetProperty("text").GetString());
        Assert.True(phone.GetProperty("end").GetInt32() > phone.GetProperty("start").GetInt32());

        var redacted = await ann.TranscribeAsync(audio, new { entity_detection = true, redact_pii = true, redact_pii_policies = new[] { "phone_number" } });
        var hidden = Assert.Single(redacted.GetProperty("entities").EnumerateArray(), e => e.GetProperty("entity_type").GetString() == "phone_number");
        Assert.DoesNotMatch(@"\d", hidden.GetProperty("text").GetString()!);
    }

    [Fact]
    public async Task AutoHighlights_GivesRankedPhrasesWithTimestamps()
    {
        using var ann = fixture.Ann();
        var audio = TestSpeech.Concat(TestSpeech.Say("the solar panels on the school roof produce clean energy"), TestSpeech.Silence(1),
            TestSpeech.Say("the solar panels save the school money every winter"));
        var transcript = await ann.TranscribeAsync(audio, new { auto_highlights = true });
        Assert.True(transcript.GetProperty("auto_highlights").GetBoolean());

        var result = transcript.GetProperty("auto_highlights_result");
        Assert.Equal("success", result.GetProperty("status").GetString());
        var highlights = result.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(highlights);
        var solar = Assert.Single(highlights, h => h.GetProperty("text").GetString()!.Contains("solar"));
        Assert.Equal(2, solar.GetProperty("count").GetInt32());
        Assert.Equal(2, solar.GetProperty("timestamps").GetArrayLength());
        Assert.All(highlights, h => Assert.InRange(h.GetProperty("rank").GetDouble(), 0, 1));
    }

    [Fact]
    public async Task WithoutInsights_TheResultsAreNull()
    {
        using var ann = fixture.Ann();
        var transcript = await ann.TranscribeAsync(TestSpeech.Say("hello there"));
        Assert.False(transcript.GetProperty("auto_highlights").GetBoolean());
        Assert.Equal(JsonValueKind.Null, transcript.GetProperty("auto_highlights_result").ValueKind);
        Assert.Equal(JsonValueKind.Null, transcript.GetProperty("sentiment_analysis_results").ValueKind);
        Assert.Equal(JsonValueKind.Null, transcript.GetProperty("entities").ValueKind);
    }

    [Fact]
    public async Task SpeechThreshold_MostlySilentAudio_EndsInAssemblyAisError()
    {
        using var ann = fixture.Ann();
        var audio = TestSpeech.Concat(TestSpeech.Say("hello there"), TestSpeech.Silence(10));

        var refused = await ann.TranscribeAsync(audio, new { speech_threshold = 0.5 });
        Assert.Equal("error", refused.GetProperty("status").GetString());
        Assert.Matches(@"^Audio speech threshold 0\.\d{1,4} is below the requested speech threshold value 0\.5$", refused.GetProperty("error").GetString());
        Assert.Equal(0.5, refused.GetProperty("speech_threshold").GetDouble());

        var accepted = await ann.TranscribeAsync(audio, new { speech_threshold = 0.05 });
        Assert.True(accepted.GetProperty("status").GetString() == "completed", accepted.ToString());
    }

    [Theory]
    [InlineData("\"prompt\": \"A call about a delivery.\"", "pocketsphinx-en-us cannot use prompt, which whisper models take")]
    [InlineData("\"temperature\": 0.2", "pocketsphinx-en-us cannot use temperature, which whisper models take")]
    [InlineData("\"temperature\": 1.5", "temperature must be between 0 and 1.")]
    [InlineData("\"remove_audio_tags\": \"all\"", "remove_audio_tags is not supported")]
    [InlineData("\"language_codes\": [\"en\", \"es\"]", "language_codes is not supported")]
    [InlineData("\"domain\": \"medical-v1\"", "domain is not supported")]
    [InlineData("\"speech_understanding\": {\"request\": {\"translation\": {\"target_languages\": [\"de\"]}}}", "speech_understanding is not supported")]
    [InlineData("\"speech_understanding\": true", "speech_understanding must be an Object")]
    [InlineData("\"iab_categories\": true", "iab_categories is not supported")]
    [InlineData("\"content_safety\": true", "content_safety is not supported")]
    [InlineData("\"auto_chapters\": true", "auto_chapters is not supported")]
    [InlineData("\"summarization\": true", "summarization is not supported")]
    [InlineData("\"sentiment_analysis\": true, \"language_code\": \"es\"", "sentiment_analysis works on English only")]
    public async Task Create_WithAnOptionThisServerCannotHonour_Returns400(string option, string expected)
    {
        using var ann = fixture.Ann();
        var body = $$"""{"audio_url": "http://example.com/a.mp3", {{option}}}""";
        using var response = await ann.Http.PostAsync("/v2/transcript", new StringContent(body, Encoding.UTF8, "application/json"));
        var error = (await V2Client.ReadJsonAsync(response)).GetProperty("error").GetString();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, error);
        Assert.Contains(expected, error);
    }

    [Fact]
    public async Task RedactedAudio_WhileProcessing_Answers202WithItsStatus()
    {
        using var ann = fixture.Ann();
        var created = await ann.CreateTranscriptAsync(new
        {
            audio_url = fixture.AudioHost.Url(AudioHost.HangingPath),
            redact_pii = true,
            redact_pii_policies = new[] { "phone_number" },
            redact_pii_audio = true,
        });

        var (status, body) = await ann.GetAsync($"/v2/transcript/{created.GetProperty("id").GetString()}/redacted-audio");
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Contains(body.GetProperty("status").GetString(), new[] { "queued", "processing" });
        Assert.Equal(JsonValueKind.Null, body.GetProperty("redacted_audio_url").ValueKind);
    }
}
