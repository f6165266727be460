using System.Text.Json;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Api;

/// <summary>AssemblyAI's official JavaScript SDK (npm "assemblyai"), changed only by its baseUrl, against Verbatim.</summary>
[Collection(ApiCollection.Name)]
public sealed class JavaScriptSdkTests(ApiFixture fixture)
{
    [Fact]
    public async Task OfficialSdk_UploadTranscribeGetListDelete_Works()
    {
        var audio = TestSpeech.Convert(TestSpeech.Say(TestSpeech.Sentence), ".mp3");
        var result = await JavaScriptSdk.RunAsync("sdk-flow.mjs", fixture.Server, fixture.AnnKey, audio);
        Assert.Equal("completed", result.GetProperty("status").GetString());
        Assert.StartsWith(fixture.Server.BaseAddress + "v2/upload/", result.GetProperty("uploadUrl").GetString());
        var words = result.GetProperty("words").EnumerateArray().Select(w => w.GetProperty("text").GetString()!).ToList();
        Assert.True(QuickStartTests.WordErrorRateOf(TestSpeech.Sentence, words) < 0.35, string.Join(' ', words));
        Assert.Equal("pocketsphinx-en-us", result.GetProperty("speechModelUsed").GetString());
        var id = result.GetProperty("fetchedId").GetString();
        Assert.Contains(id, result.GetProperty("listedIds").EnumerateArray().Select(e => e.GetString()));
        Assert.True(result.GetProperty("sentenceCount").GetInt32() >= 1);
        Assert.Equal(words.Count, result.GetProperty("sentenceWordCount").GetInt32());
        Assert.True(result.GetProperty("paragraphCount").GetInt32() >= 1);
        Assert.StartsWith("1\n00:00:", result.GetProperty("srt").GetString());
        Assert.StartsWith("WEBVTT", result.GetProperty("vtt").GetString());
        Assert.True(result.GetProperty("searchCount").GetInt32() >= 1);
        Assert.Equal(0, result.GetProperty("searchFirstIndex").GetInt32());
        Assert.Equal("Authentication error, API token missing/invalid", result.GetProperty("badKeyError").GetString());
        Assert.Equal("http://deleted_by_user", result.GetProperty("deletedAudioUrl").GetString());
    }
}
