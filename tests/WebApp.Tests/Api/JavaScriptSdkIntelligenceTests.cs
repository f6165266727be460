using System.Text.Json;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Api;

/// <summary>
/// entity_detection, auto_highlights, sentiment_analysis, speech_threshold and the refused options through AssemblyAI's
/// official JavaScript SDK (tests/js/intelligence-flow.mjs), on a server with pocketsphinx only.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class JavaScriptSdkIntelligenceTests(ApiFixture fixture)
{
    [Fact]
    public async Task OfficialSdk_GetsEntitiesHighlightsAndSentiments_AndIsRefusedWhatTheEngineCannotDo()
    {
        var speech = TestSpeech.Concat(
            TestSpeech.Say("my phone number is four one five five five five one two three four"), TestSpeech.Silence(1.5),
            TestSpeech.Say("i love the solar panels on the school roof"), TestSpeech.Silence(1.5),
            TestSpeech.Say("the solar panels were terrible and the service was awful"));
        var quiet = TestSpeech.Concat(TestSpeech.Say("hello there"), TestSpeech.Silence(10));

        var result = await JavaScriptSdk.RunAsync("intelligence-flow.mjs", fixture.Server, fixture.AnnKey, speech, quiet);

        Assert.True(result.GetProperty("status").GetString() == "completed", result.ToString());
        Assert.Equal(0.2, result.GetProperty("speechThreshold").GetDouble());
        var phone = Assert.Single(result.GetProperty("entities").EnumerateArray(), e => e.GetProperty("entity_type").GetString() == "phone_number");
        Assert.Contains("555", phone.GetProperty("text").GetString());
        var highlights = result.GetProperty("highlights");
        Assert.Equal("success", highlights.GetProperty("status").GetString());
        var solar = Assert.Single(highlights.GetProperty("results").EnumerateArray(), h => h.GetProperty("text").GetString()!.Contains("solar"));
        Assert.Equal(2, solar.GetProperty("count").GetInt32());
        var sentiments = result.GetProperty("sentiments").EnumerateArray().Select(s => s.GetProperty("sentiment").GetString()).ToList();
        Assert.Equal(["NEUTRAL", "POSITIVE", "NEGATIVE"], sentiments);

        Assert.Equal("error", result.GetProperty("quietStatus").GetString());
        Assert.Matches(@"^Audio speech threshold 0\.\d{1,4} is below the requested speech threshold value 0\.5$", result.GetProperty("quietError").GetString());

        var refusals = result.GetProperty("refusals");
        foreach (var hosted in new[] { "summarization", "auto_chapters", "content_safety", "iab_categories" })
        {
            Assert.Contains($"{hosted} is not supported", refusals.GetProperty(hosted).GetString());
        }

        Assert.Contains("pocketsphinx-en-us cannot use prompt, which whisper models take", refusals.GetProperty("prompt").GetString());
        Assert.Contains("pocketsphinx-en-us cannot use temperature, which whisper models take", refusals.GetProperty("temperature").GetString());
    }
}
