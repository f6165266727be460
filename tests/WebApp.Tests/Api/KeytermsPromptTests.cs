using System.Net;
using System.Text.Json;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Api;

/// <summary>keyterms_prompt over real HTTP: accepted within AssemblyAI's limits, echoed, and it changes the text.</summary>
[Collection(ApiCollection.Name)]
public sealed class KeytermsPromptTests(ApiFixture fixture)
{
    [Fact]
    public async Task Transcribe_WithKeytermsPrompt_EchoesItAndRecognisesTheTerm()
    {
        using var ann = fixture.Ann();
        var audio = TestSpeech.Say("doctor okonkwo will see you in the morning");
        string[] keyterms = ["Okonkwo", "Kubernetes", "Siobhan Dwyer"];

        var without = await ann.TranscribeAsync(audio);
        var with = await ann.TranscribeAsync(audio, new { keyterms_prompt = keyterms });

        Assert.True(with.GetProperty("status").GetString() == "completed", with.ToString());
        Assert.Equal(keyterms, with.GetProperty("keyterms_prompt").EnumerateArray().Select(term => term.GetString()));
        Assert.DoesNotContain("Okonkwo", without.GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Okonkwo", with.GetProperty("text").GetString());
        Assert.Contains(with.GetProperty("words").EnumerateArray(), word => word.GetProperty("text").GetString() == "Okonkwo");
    }

    public static TheoryData<object, string> InvalidKeyterms => new()
    {
        { Enumerable.Range(0, 1001).Select(i => $"term{i}").ToArray(), "keyterms_prompt can have at most 1000 terms" },
        { new[] { "one two three four five six seven" }, "at most 6 words" },
        { new[] { "Okonkwo", " " }, "keyterms_prompt terms must not be empty" },
        { "Okonkwo", "keyterms_prompt must be an Array of Strings" },
    };

    [Theory]
    [MemberData(nameof(InvalidKeyterms))]
    public async Task Create_WithKeytermsOutsideTheLimits_Returns400(object keyterms, string expected)
    {
        using var ann = fixture.Ann();

        var (status, body) = await ann.PostTranscriptAsync(new { audio_url = "http://example.com/a.mp3", keyterms_prompt = keyterms });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Create_WithAThousandSixWordTerms_IsAccepted()
    {
        using var ann = fixture.Ann();
        var keyterms = Enumerable.Range(0, 1000).Select(i => $"term {i} of the long list").ToArray();

        var (status, body) = await ann.PostTranscriptAsync(new { audio_url = "http://example.com/a.mp3", keyterms_prompt = keyterms });

        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("keyterms_prompt").ValueKind);
    }

    [Fact]
    public async Task Transcribe_WithWordBoost_BiasesLikeKeyterms()
    {
        using var ann = fixture.Ann();
        var audio = TestSpeech.Say("doctor okonkwo will see you in the morning");

        var with = await ann.TranscribeAsync(audio, new { word_boost = new[] { "Okonkwo" }, boost_param = "default" });

        Assert.True(with.GetProperty("status").GetString() == "completed", with.ToString());
        Assert.Contains("Okonkwo", with.GetProperty("text").GetString());
        Assert.Equal(["Okonkwo"], with.GetProperty("keyterms_prompt").EnumerateArray().Select(term => term.GetString()));
    }

    [Theory]
    [InlineData("high", "boost_param \"high\" is not supported")]
    [InlineData("loud", "boost_param must be \"low\", \"default\" or \"high\"")]
    public async Task Create_WithABoostStrength_Returns400(string boost, string expected)
    {
        using var ann = fixture.Ann();

        var (status, body) = await ann.PostTranscriptAsync(new { audio_url = "http://example.com/a.mp3", word_boost = new[] { "Okonkwo" }, boost_param = boost });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, body.GetProperty("error").GetString());
    }
}
