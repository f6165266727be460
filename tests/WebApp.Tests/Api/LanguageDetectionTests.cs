using System.Net;
using System.Text.Json;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Api;

/// <summary>language_detection over real HTTP: English is detected, other speech is refused honestly, thresholds fail the job.</summary>
[Collection(ApiCollection.Name)]
public sealed class LanguageDetectionTests(ApiFixture fixture)
{
    private const string English = "the library will be closed on monday because the workers are painting the walls";

    [Fact]
    public async Task LanguageDetection_English_CompletesWithCodeAndConfidence()
    {
        using var ann = fixture.Ann();
        var transcript = await ann.TranscribeAsync(TestSpeech.Say(English), new { language_detection = true });
        Assert.True(transcript.GetProperty("status").GetString() == "completed", transcript.ToString());
        Assert.Equal("en", transcript.GetProperty("language_code").GetString());
        Assert.True(transcript.GetProperty("language_detection").GetBoolean());
        Assert.InRange(transcript.GetProperty("language_confidence").GetDouble(), 0.5, 1);
        Assert.Contains("library", transcript.GetProperty("text").GetString());
    }

    [Fact]
    public async Task LanguageDetection_German_EndsInErrorSayingItIsNotEnglish()
    {
        using var ann = fixture.Ann();
        var german = TestSpeech.Espeak("Morgen früh fahren wir mit dem Zug nach München und besuchen unsere Großeltern.", "de");
        var transcript = await ann.TranscribeAsync(german, new { language_detection = true });
        Assert.Equal("error", transcript.GetProperty("status").GetString());
        Assert.Contains("not English", transcript.GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Null, transcript.GetProperty("language_code").ValueKind);
        Assert.InRange(transcript.GetProperty("language_confidence").GetDouble(), 0.5, 1);
        Assert.Equal(JsonValueKind.Null, transcript.GetProperty("text").ValueKind);
    }

    [Fact]
    public async Task LanguageConfidenceThreshold_AboveTheConfidence_EndsInError()
    {
        using var ann = fixture.Ann();
        var transcript = await ann.TranscribeAsync(TestSpeech.Say(English), new { language_detection = true, language_confidence_threshold = 1.0 });
        Assert.Equal("error", transcript.GetProperty("status").GetString());
        var confidence = transcript.GetProperty("language_confidence").GetDouble();
        Assert.Equal($"detected language 'en', confidence {confidence.ToString(System.Globalization.CultureInfo.InvariantCulture)}, is below the requested confidence threshold value of '1'",
            transcript.GetProperty("error").GetString());
        Assert.Equal("en", transcript.GetProperty("language_code").GetString());
    }

    [Theory]
    [InlineData("""{"language_detection": true, "language_code": "en"}""", "cannot be used together")]
    [InlineData("""{"language_detection_options": {"expected_languages": ["en"]}}""", "needs language_detection")]
    [InlineData("""{"language_detection": true, "language_detection_options": {"expected_languages": ["en", "de"]}}""", "expected_languages \"de\" is not supported by the installed speech models")]
    [InlineData("""{"language_detection": true, "language_detection_options": {"expected_languages": ["en"], "fallback_language": "en_uk"}}""", "fallback_language")]
    [InlineData("""{"language_detection": true, "language_detection_options": {"code_switching": true}}""", "code_switching is not supported")]
    [InlineData("""{"language_detection": true, "language_detection_options": "en"}""", "language_detection_options must be an Object")]
    [InlineData("""{"language_confidence_threshold": 0.7}""", "language_confidence_threshold needs language_detection")]
    [InlineData("""{"language_code": "en", "language_confidence_threshold": 0.5}""", "language_confidence_threshold needs language_detection")]
    [InlineData("""{"language_detection": true, "language_detection_options": {"code_switching_confidence_threshold": 0.5}}""", "code_switching_confidence_threshold applies only with code_switching")]
    public async Task Create_WithLanguageOptionsThisServerCannotHonour_Returns400(string options, string message)
    {
        using var ann = fixture.Ann();
        var body = System.Text.Json.Nodes.JsonNode.Parse(options)!.AsObject();
        body["audio_url"] = "http://example.com/a.mp3";
        var (status, error) = await ann.PostTranscriptAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Create_WithOnlyEnglishExpected_IsAccepted()
    {
        using var ann = fixture.Ann();
        var (status, body) = await ann.PostTranscriptAsync(new
        {
            audio_url = "http://example.com/a.mp3",
            language_detection = true,
            language_detection_options = new { expected_languages = new[] { "en", "en_us" }, fallback_language = "en" },
        });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
    }
}
