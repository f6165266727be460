using System.Net;
using System.Text.Json;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Api;

/// <summary>Sentences, paragraphs, srt, vtt and word search of a completed transcript, in AssemblyAI's shapes.</summary>
[Collection(ApiCollection.Name)]
public sealed class ExportsTests(ApiFixture fixture)
{
    [Fact]
    public async Task CompletedTranscript_ServesSentencesParagraphsCaptionsAndWordSearch()
    {
        using var ann = fixture.Ann();
        var audio = TestSpeech.Concat(TestSpeech.Say("the weather is warm today"), TestSpeech.Silence(2), TestSpeech.Say("we will play football in the park"));
        var transcript = await ann.TranscribeAsync(audio);
        var id = transcript.GetProperty("id").GetString();
        var words = transcript.GetProperty("words").EnumerateArray().ToList();

        var (status, sentences) = await ann.GetAsync($"/v2/transcript/{id}/sentences");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(id, sentences.GetProperty("id").GetString());
        Assert.Equal(transcript.GetProperty("audio_duration").GetInt32(), sentences.GetProperty("audio_duration").GetInt32());
        var sentenceList = sentences.GetProperty("sentences").EnumerateArray().ToList();
        Assert.Equal(2, sentenceList.Count);
        Assert.Equal(words.Count, sentenceList.Sum(s => s.GetProperty("words").GetArrayLength()));
        Assert.True(sentenceList[0].GetProperty("end").GetInt32() < sentenceList[1].GetProperty("start").GetInt32());
        Assert.Equal(JsonValueKind.Null, sentenceList[0].GetProperty("speaker").ValueKind);

        var (_, paragraphs) = await ann.GetAsync($"/v2/transcript/{id}/paragraphs");
        Assert.Equal(2, paragraphs.GetProperty("paragraphs").GetArrayLength());

        var srt = await ann.Http.GetStringAsync($"/v2/transcript/{id}/srt");
        Assert.StartsWith("1\n00:00:0", srt);
        Assert.Matches(@"\d{2}:\d{2}:\d{2},\d{3} --> \d{2}:\d{2}:\d{2},\d{3}", srt);
        var vtt = await ann.Http.GetStringAsync($"/v2/transcript/{id}/vtt?chars_per_caption=12");
        Assert.StartsWith("WEBVTT", vtt);
        Assert.All(vtt.Split('\n').Skip(1).Where(l => l.Length > 0 && !l.Contains("-->")), line => Assert.True(line.Length <= 12 || !line.Contains(' '), line));

        var first = words[0].GetProperty("text").GetString();
        var (_, search) = await ann.GetAsync($"/v2/transcript/{id}/word-search?words={first},zebra");
        Assert.Equal(id, search.GetProperty("id").GetString());
        var matches = search.GetProperty("matches").EnumerateArray().ToList();
        Assert.Equal(first, matches[0].GetProperty("text").GetString());
        Assert.Contains(0, matches[0].GetProperty("indexes").EnumerateArray().Select(i => i.GetInt32()));
        Assert.Equal(words[0].GetProperty("start").GetInt32(), matches[0].GetProperty("timestamps")[0][0].GetInt32());
        Assert.Equal(0, matches[1].GetProperty("count").GetInt32());
        Assert.Equal(matches.Sum(m => m.GetProperty("count").GetInt32()), search.GetProperty("total_count").GetInt32());
    }

    [Fact]
    public async Task Exports_OfUnfinishedOrForeignTranscripts_AreRefused()
    {
        using var ann = fixture.Ann();
        using var bob = fixture.Bob();
        var created = await ann.CreateTranscriptAsync(new { audio_url = fixture.AudioHost.Url(AudioHost.HangingPath) });
        var id = created.GetProperty("id").GetString();

        var (unfinished, body) = await ann.GetAsync($"/v2/transcript/{id}/sentences");
        Assert.Equal(HttpStatusCode.BadRequest, unfinished);
        Assert.Contains("not completed", body.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/v2/transcript/{id}/paragraphs")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await ann.GetAsync($"/v2/transcript/{id}/docx")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await ann.GetAsync($"/v2/transcript/{id}/word-search")).Status);
        await ann.WaitForTranscriptAsync(id!, TimeSpan.FromSeconds(60));
    }
}
