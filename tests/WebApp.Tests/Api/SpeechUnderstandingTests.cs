using System.Net;
using System.Text;
using System.Text.Json;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Api;

/// <summary>AssemblyAI's understanding options over real HTTP: speakers, formatting, PII redaction.</summary>
[Collection(ApiCollection.Name)]
public sealed class SpeechUnderstandingTests(ApiFixture fixture)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SpeakerLabels_TwoVoices_GiveTwoSpeakersWithUtterances(bool countGiven)
    {
        using var ann = fixture.Ann();
        var conversation = TwoVoiceConversation();
        var transcript = await ann.TranscribeAsync(conversation, countGiven ? new { speaker_labels = true, speakers_expected = 2 } : new { speaker_labels = true });
        Assert.True(transcript.GetProperty("status").GetString() == "completed", transcript.ToString());

        var words = transcript.GetProperty("words").EnumerateArray().ToList();
        Assert.All(words, w => Assert.Equal(JsonValueKind.String, w.GetProperty("speaker").ValueKind));
        Assert.Equal(["A", "B"], words.Select(w => w.GetProperty("speaker").GetString()).Distinct().Order());

        var utterances = transcript.GetProperty("utterances").EnumerateArray().ToList();
        Assert.InRange(utterances.Count, 6, 8);
        Assert.Equal("A", utterances[0].GetProperty("speaker").GetString());
        Assert.Equal(words.Count, utterances.Sum(u => u.GetProperty("words").GetArrayLength()));
        foreach (var utterance in utterances)
        {
            Assert.All(utterance.GetProperty("words").EnumerateArray(), w => Assert.Equal(utterance.GetProperty("speaker").GetString(), w.GetProperty("speaker").GetString()));
        }
    }

    [Fact]
    public async Task WithoutSpeakerLabels_ThereAreNoUtterances()
    {
        using var ann = fixture.Ann();
        var transcript = await ann.TranscribeAsync(TestSpeech.Say("hello there"));
        Assert.Equal(JsonValueKind.Null, transcript.GetProperty("utterances").ValueKind);
    }

    [Fact]
    public async Task Formatting_ByDefault_GivesSentencesAndCanBeTurnedOff()
    {
        using var ann = fixture.Ann();
        var audio = TestSpeech.Concat(TestSpeech.Say("the weather is warm today"), TestSpeech.Silence(1.5), TestSpeech.Say("we will play football in the park"));

        var formatted = (await ann.TranscribeAsync(audio)).GetProperty("text").GetString()!;
        Assert.True(char.IsUpper(formatted[0]), formatted);
        Assert.EndsWith(".", formatted);
        Assert.Contains(". ", formatted);

        var raw = (await ann.TranscribeAsync(audio, new { punctuate = false, format_text = false })).GetProperty("text").GetString()!;
        Assert.Equal(raw.ToLowerInvariant(), raw);
        Assert.DoesNotContain('.', raw);
    }

    [Fact]
    public async Task FormatText_WritesNumbersAsDigits()
    {
        using var ann = fixture.Ann();
        var transcript = await ann.TranscribeAsync(TestSpeech.Say("the temperature today is seventy degrees"));
        var text = transcript.GetProperty("text").GetString()!;
        Assert.Contains("70", text);
        Assert.DoesNotContain("seventy", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RedactPii_PhoneNumber_IsHashedInTextWordsAndExports()
    {
        using var ann = fixture.Ann();
        var audio = TestSpeech.Say("my phone number is four one five five five five one two three four");
        var transcript = await ann.TranscribeAsync(audio, new { redact_pii = true, redact_pii_policies = new[] { "phone_number" } });
        var text = transcript.GetProperty("text").GetString()!;
        Assert.Contains("###-###-####", text);
        Assert.DoesNotMatch(@"\d", text);
        Assert.DoesNotContain(transcript.GetProperty("words").EnumerateArray(), w => w.GetProperty("text").GetString()!.Any(char.IsDigit));
        Assert.Equal(["phone_number"], transcript.GetProperty("redact_pii_policies").EnumerateArray().Select(p => p.GetString()));

        var id = transcript.GetProperty("id").GetString();
        Assert.DoesNotMatch(@"\d{3}", await ann.Http.GetStringAsync($"/v2/transcript/{id}/vtt").ContinueWith(t => t.Result.Split('\n').Where(l => !l.Contains("-->")).Aggregate("", string.Concat)));
    }

    [Fact]
    public async Task RedactPii_WithEntityName_NamesWhatWasRemoved()
    {
        using var ann = fixture.Ann();
        var audio = TestSpeech.Say("my phone number is four one five five five five one two three four");
        var transcript = await ann.TranscribeAsync(audio, new { redact_pii = true, redact_pii_policies = new[] { "phone_number" }, redact_pii_sub = "entity_name" });
        Assert.Contains("[PHONE_NUMBER]", transcript.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("""{"redact_pii": true}""", "redact_pii_policies must list at least one policy")]
    [InlineData("""{"redact_pii": true, "redact_pii_policies": ["favourite_colour"]}""", "Unknown PII policy \"favourite_colour\"")]
    [InlineData("""{"redact_pii": true, "redact_pii_policies": ["passport_number"]}""", "\"passport_number\" is not supported")]
    [InlineData("""{"redact_pii": true, "redact_pii_policies": ["person_name"], "redact_pii_sub": "blur"}""", "redact_pii_sub must be")]
    [InlineData("""{"speakers_expected": 2}""", "need speaker_labels")]
    [InlineData("""{"speaker_labels": true, "speakers_expected": 0}""", "between 1 and 10")]
    [InlineData("""{"speaker_labels": true, "speaker_options": {"min_speakers_expected": 3, "max_speakers_expected": 2}}""", "must not exceed")]
    [InlineData("""{"custom_spelling": [{"from": "x"}]}""", "custom_spelling")]
    public async Task Create_WithBadUnderstandingOptions_Returns400(string options, string expected)
    {
        using var ann = fixture.Ann();
        var body = options.Insert(1, "\"audio_url\": \"http://example.com/a.mp3\", ");
        using var response = await ann.Http.PostAsync("/v2/transcript", new StringContent(body, Encoding.UTF8, "application/json"));
        var error = (await V2Client.ReadJsonAsync(response)).GetProperty("error").GetString();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, error);
        Assert.Contains(expected, error);
    }

    private static string TwoVoiceConversation()
    {
        var pause = TestSpeech.Silence(0.4);
        return TestSpeech.Concat(
            TestSpeech.Espeak("good morning and welcome to the show, it is lovely to have you with us this morning"), pause,
            TestSpeech.Say("thank you, it is great to be here today and to talk about my work", "slt"), pause,
            TestSpeech.Espeak("tell us about your new book please, our listeners have been asking about it all week"), pause,
            TestSpeech.Say("it is a story about a small town by the sea and the people who live there", "slt"), pause,
            TestSpeech.Espeak("that sounds wonderful, where did the idea for the story come from"), pause,
            TestSpeech.Say("i grew up in a town like that and always wanted to write about it", "slt"));
    }
}
