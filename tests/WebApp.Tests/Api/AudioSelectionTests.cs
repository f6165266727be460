using System.Net;
using System.Text.Json;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Api;

/// <summary>Which audio gets transcribed: multichannel, audio_start_from and audio_end_at, over real HTTP.</summary>
[Collection(ApiCollection.Name)]
public sealed class AudioSelectionTests(ApiFixture fixture)
{
    private const string First = "the weather is warm today";
    private const string Second = "we will play football in the park";

    [Fact]
    public async Task Multichannel_TwoChannels_GiveOneSpeakerPerChannel()
    {
        using var ann = fixture.Ann();
        var transcript = await ann.TranscribeAsync(Conversation(), new { multichannel = true });
        Assert.True(transcript.GetProperty("status").GetString() == "completed", transcript.ToString());
        Assert.True(transcript.GetProperty("multichannel").GetBoolean());
        Assert.Equal(2, transcript.GetProperty("audio_channels").GetInt32());

        var words = transcript.GetProperty("words").EnumerateArray().ToList();
        Assert.All(words, w => Assert.Equal(w.GetProperty("channel").GetString(), w.GetProperty("speaker").GetString()));
        Assert.Contains("weather", Text(words, "1"));
        Assert.Contains("football", Text(words, "2"));
        Assert.DoesNotContain("football", Text(words, "1"));
        Assert.DoesNotContain("weather", Text(words, "2"));

        var utterances = transcript.GetProperty("utterances").EnumerateArray().ToList();
        Assert.Equal(["1", "2"], utterances.Select(u => u.GetProperty("speaker").GetString()));
        Assert.Equal(["1", "2"], utterances.Select(u => u.GetProperty("channel").GetString()));
        Assert.True(utterances[1].GetProperty("start").GetInt32() > utterances[0].GetProperty("end").GetInt32());
    }

    [Fact]
    public async Task Multichannel_WithSpeakerLabels_NamesSpeakersWithinTheirChannel()
    {
        using var ann = fixture.Ann();
        var transcript = await ann.TranscribeAsync(Conversation(), new { multichannel = true, speaker_labels = true });
        Assert.True(transcript.GetProperty("status").GetString() == "completed", transcript.ToString());

        var words = transcript.GetProperty("words").EnumerateArray().ToList();
        Assert.All(words, w => Assert.StartsWith(w.GetProperty("channel").GetString()!, w.GetProperty("speaker").GetString()));
        Assert.Equal(["1A", "2A"], words.Select(w => w.GetProperty("speaker").GetString()).Distinct().Order());
    }

    [Fact]
    public async Task WithoutMultichannel_StereoIsMixedAndHasNoChannels()
    {
        using var ann = fixture.Ann();
        var transcript = await ann.TranscribeAsync(Conversation());
        Assert.True(transcript.GetProperty("status").GetString() == "completed", transcript.ToString());
        Assert.Equal(JsonValueKind.Null, transcript.GetProperty("audio_channels").ValueKind);
        var text = transcript.GetProperty("text").GetString()!;
        Assert.Contains("weather", text);
        Assert.Contains("football", text);
        Assert.All(transcript.GetProperty("words").EnumerateArray(), w => Assert.Equal(JsonValueKind.Null, w.GetProperty("channel").ValueKind));
    }

    [Fact]
    public async Task StartAndEnd_TranscribeOnlyThatWindow_WithTimesFromTheStartOfTheFile()
    {
        using var ann = fixture.Ann();
        var (first, second, third) = (TestSpeech.Say(First), TestSpeech.Say(Second), TestSpeech.Say("my sister likes green apples"));
        var pause = TestSpeech.Silence(1.5);
        var audio = TestSpeech.Concat(first, pause, second, pause, third);
        // From the middle of the first pause to the middle of the second: the second sentence alone.
        var startMs = Milliseconds(TestAudio.DurationSeconds(first) + 0.75);
        var endMs = startMs + Milliseconds(0.75 + TestAudio.DurationSeconds(second) + 0.75);

        var transcript = await ann.TranscribeAsync(audio, new { audio_start_from = startMs, audio_end_at = endMs });
        Assert.True(transcript.GetProperty("status").GetString() == "completed", transcript.ToString());
        var text = transcript.GetProperty("text").GetString()!;
        Assert.Contains("football", text);
        Assert.DoesNotContain("weather", text);
        Assert.DoesNotContain("apples", text);
        Assert.Equal(startMs, transcript.GetProperty("audio_start_from").GetInt32());
        Assert.Equal(endMs, transcript.GetProperty("audio_end_at").GetInt32());

        var words = transcript.GetProperty("words").EnumerateArray().ToList();
        Assert.InRange(words[0].GetProperty("start").GetInt32(), startMs + 500, startMs + 1500);
        Assert.InRange(words[^1].GetProperty("end").GetInt32(), startMs, endMs);
        // The media file's length, as AssemblyAI reports it, not the window's.
        Assert.Equal((int)Math.Round(TestAudio.DurationSeconds(audio)), transcript.GetProperty("audio_duration").GetInt32());
    }

    [Fact]
    public async Task StartAfterTheEnd_EndsInAnErrorThatSaysSo()
    {
        using var ann = fixture.Ann();
        var transcript = await ann.TranscribeAsync(TestSpeech.Say(First), new { audio_start_from = 60_000 });
        Assert.Equal("error", transcript.GetProperty("status").GetString());
        Assert.Contains("audio_start_from (60000 ms) is at or after the end of the audio", transcript.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData(5000, 5000, "audio_end_at must be greater than audio_start_from.")]
    [InlineData(-1, null, "audio_start_from and audio_end_at must be positive numbers of milliseconds.")]
    public async Task BadWindow_IsRefused(int start, int? end, string error)
    {
        using var ann = fixture.Ann();
        var uploadUrl = await ann.UploadAsync(TestSpeech.Say(First));
        var (status, body) = await ann.PostTranscriptAsync(new { audio_url = uploadUrl, audio_start_from = start, audio_end_at = end });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(error, body.GetProperty("error").GetString());
    }

    /// <summary>Two people taking turns, each on a channel of their own: the first speaks, then the second.</summary>
    private static string Conversation()
    {
        var first = TestSpeech.Say(First);
        var second = TestSpeech.Say(Second, voice: "slt");
        var firstLength = TestAudio.DurationSeconds(first);
        var secondLength = TestAudio.DurationSeconds(second);
        return TestSpeech.Channels(
            TestSpeech.Concat(first, TestSpeech.Silence(1 + secondLength + 0.5)),
            TestSpeech.Concat(TestSpeech.Silence(firstLength + 1), second, TestSpeech.Silence(0.5)));
    }

    private static string Text(IEnumerable<JsonElement> words, string channel) =>
        string.Join(' ', words.Where(w => w.GetProperty("channel").GetString() == channel).Select(w => w.GetProperty("text").GetString()!.ToLowerInvariant()));

    private static int Milliseconds(double seconds) => (int)Math.Round(seconds * 1000);
}
