using System.Net;
using System.Text;
using System.Text.Json;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Api;

/// <summary>
/// redact_pii_audio over real HTTP: the redacted file is fetched from redacted_audio_url as the SDKs fetch it (plain
/// GET, no API key) and compared, decoded, with the uploaded audio.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RedactedAudioTests(ApiFixture fixture)
{
    private const int BeepHertz = 1000;

    // The server widens each span by 50 ms and switches at 4 ms frames; beyond this the audio must be the original.
    private const int UntouchedBeyondMs = 60;

    private static readonly object PhoneNumberPolicy = new[] { "phone_number" };

    [Fact]
    public async Task RedactedAudio_Wav_BeepsThePhoneNumberAndKeepsEverythingElse()
    {
        using var ann = fixture.Ann();
        var original = SpeechWithPhoneNumber();
        var transcript = await ann.TranscribeAsync(original, new { redact_pii = true, redact_pii_policies = PhoneNumberPolicy, redact_pii_audio = true, redact_pii_audio_quality = "wav" });
        Assert.True(transcript.GetProperty("status").GetString() == "completed", transcript.ToString());
        Assert.True(transcript.GetProperty("redact_pii_audio").GetBoolean());
        Assert.Equal("wav", transcript.GetProperty("redact_pii_audio_quality").GetString());

        var (file, contentType) = await DownloadRedactedAudioAsync(ann, transcript, ".wav");
        Assert.Equal("audio/wav", contentType);

        var before = Pcm.Decode(original);
        var after = Pcm.Decode(file);
        Assert.Equal(before.Length, after.Length);

        var spans = RedactedSpans(transcript);
        Assert.NotEmpty(spans);
        foreach (var (start, end) in spans)
        {
            Assert.True(end - start >= 500, $"the phone number span {start}–{end} ms is too short to be the number");
            foreach (var window in Windows(start, end))
            {
                var redacted = after.AsSpan(window.Start, window.Length);
                Assert.True(Pcm.ToneShare(redacted, BeepHertz) > 0.95, $"no beep at {window.Start * 1000 / Pcm.SampleRate} ms");
                Assert.True(Pcm.Rms(redacted) > 3000, $"beep too quiet at {window.Start * 1000 / Pcm.SampleRate} ms");
            }

            // What was there was speech, not something that already looked like the beep.
            Assert.True(Pcm.ToneShare(before.AsSpan(Pcm.Index(start), Pcm.Index(end) - Pcm.Index(start)), BeepHertz) < 0.2);
        }

        var untouched = Enumerable.Range(0, before.Length)
            .Where(i => spans.All(s => i < Pcm.Index(s.Start - UntouchedBeyondMs) || i >= Pcm.Index(s.End + UntouchedBeyondMs)))
            .ToList();
        Assert.True(untouched.Count > before.Length / 2, "most of the recording is not PII");
        Assert.True(Pcm.Rms(before.AsSpan(0, Pcm.Index(spans[0].Start - UntouchedBeyondMs))) > 500, "speech before the number");
        var changed = untouched.Count(i => before[i] != after[i]);
        Assert.True(changed == 0, $"{changed} samples outside the redacted spans differ from the original");
    }

    [Fact]
    public async Task RedactedAudio_ByDefault_IsAnMp3OfTheSameLengthWithTheBeep()
    {
        using var ann = fixture.Ann();
        var original = SpeechWithPhoneNumber();
        var transcript = await ann.TranscribeAsync(original, new { redact_pii = true, redact_pii_policies = PhoneNumberPolicy, redact_pii_audio = true });
        Assert.Equal("mp3", transcript.GetProperty("redact_pii_audio_quality").GetString());

        var (file, contentType) = await DownloadRedactedAudioAsync(ann, transcript, ".mp3");
        Assert.Equal("audio/mpeg", contentType);
        Assert.True(LooksLikeMp3(File.ReadAllBytes(file)), "not an mp3 file");

        var before = Pcm.Decode(original);
        var after = Pcm.Decode(file);
        Assert.InRange(after.Length, before.Length - Pcm.Index(30), before.Length + Pcm.Index(30));

        var (start, end) = RedactedSpans(transcript).Single();
        var middle = after.AsSpan(Pcm.Index(start + 100), Pcm.Index(end - 100) - Pcm.Index(start + 100));
        Assert.True(Pcm.ToneShare(middle, BeepHertz) > 0.9);

        // Lossy, so not sample for sample: the speech before the number is still the original speech.
        var opening = Pcm.Index(start - 200);
        var error = new short[opening];
        for (var i = 0; i < opening; i++)
        {
            error[i] = (short)Math.Clamp(after[i] - before[i], short.MinValue, short.MaxValue);
        }

        Assert.True(Pcm.Rms(error) < Pcm.Rms(before.AsSpan(0, opening)) / 10, "the speech outside the span changed by more than mp3 coding does");
    }

    [Fact]
    public async Task RedactedAudio_WithSilenceMethod_MutesThePhoneNumber()
    {
        using var ann = fixture.Ann();
        var original = SpeechWithPhoneNumber();
        var transcript = await ann.TranscribeAsync(original, new
        {
            redact_pii = true, redact_pii_policies = PhoneNumberPolicy, redact_pii_audio = true, redact_pii_audio_quality = "wav",
            redact_pii_audio_options = new { override_audio_redaction_method = "silence" },
        });

        var (file, _) = await DownloadRedactedAudioAsync(ann, transcript, ".wav");
        var before = Pcm.Decode(original);
        var after = Pcm.Decode(file);
        var (start, end) = RedactedSpans(transcript).Single();
        Assert.True(Pcm.Rms(before.AsSpan(Pcm.Index(start), Pcm.Index(end) - Pcm.Index(start))) > 500, "the number was spoken");
        Assert.All(after[Pcm.Index(start)..Pcm.Index(end)], sample => Assert.Equal(0, sample));
        Assert.Equal(before[..Pcm.Index(start - UntouchedBeyondMs)], after[..Pcm.Index(start - UntouchedBeyondMs)]);
    }

    [Fact]
    public async Task OfficialSdk_RedactedAudioFile_DownloadsTheBeepedAudio()
    {
        var original = SpeechWithPhoneNumber();
        var output = TestSpeech.NewPath(".mp3");
        var result = await JavaScriptSdk.RunAsync("redacted-audio-flow.mjs", fixture.Server, fixture.AnnKey, original, output);
        Assert.Equal("completed", result.GetProperty("status").GetString());
        Assert.Equal("redacted_audio_ready", result.GetProperty("redactedStatus").GetString());
        Assert.StartsWith(fixture.Server.BaseAddress + "v2/redacted-audio/", result.GetProperty("redactedAudioUrl").GetString());

        var (spanStart, spanEnd) = RedactedSpans(result).Single();
        var after = Pcm.Decode(output);
        var middle = after.AsSpan(Pcm.Index(spanStart + 100), Pcm.Index(spanEnd - 100) - Pcm.Index(spanStart + 100));
        Assert.True(Pcm.ToneShare(middle, BeepHertz) > 0.9, "no beep where the SDK's transcript has the phone number");
    }

    [Theory]
    [InlineData("""{"redact_pii_audio": true}""", "redact_pii_audio needs redact_pii")]
    [InlineData("""{"redact_pii": false, "redact_pii_audio": true}""", "redact_pii_audio needs redact_pii")]
    [InlineData("""{"redact_pii": true, "redact_pii_policies": ["phone_number"], "redact_pii_audio": true, "redact_pii_audio_quality": "flac"}""", "redact_pii_audio_quality must be \"mp3\" or \"wav\"")]
    [InlineData("""{"redact_pii": true, "redact_pii_policies": ["phone_number"], "redact_pii_audio": true, "redact_pii_audio_options": {"override_audio_redaction_method": "hum"}}""", "override_audio_redaction_method must be \"silence\"")]
    [InlineData("""{"redact_pii": true, "redact_pii_policies": ["phone_number"], "redact_pii_audio": "yes"}""", "redact_pii_audio must be a Boolean")]
    [InlineData("""{"redact_pii_policies": ["phone_number"]}""", "redact_pii_policies needs redact_pii set to true")]
    [InlineData("""{"redact_pii": false, "redact_pii_sub": "entity_name"}""", "redact_pii_sub needs redact_pii set to true")]
    [InlineData("""{"redact_pii": true, "redact_pii_policies": ["phone_number"], "redact_pii_audio_quality": "wav"}""", "redact_pii_audio_quality needs redact_pii_audio set to true")]
    [InlineData("""{"redact_pii": true, "redact_pii_policies": ["phone_number"], "redact_pii_audio_options": {"return_redacted_no_speech_audio": true}}""", "redact_pii_audio_options needs redact_pii_audio set to true")]
    public async Task Create_WithBadRedactedAudioOptions_Returns400(string options, string expected)
    {
        using var ann = fixture.Ann();
        var body = options.Insert(1, "\"audio_url\": \"http://example.com/a.mp3\", ");
        using var response = await ann.Http.PostAsync("/v2/transcript", new StringContent(body, Encoding.UTF8, "application/json"));
        var error = (await V2Client.ReadJsonAsync(response)).GetProperty("error").GetString();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, error);
        Assert.Contains(expected, error);
    }

    [Fact]
    public async Task RedactedAudio_OfAFileWithoutSpeech_OnlyWhenReturnRedactedNoSpeechAudioAsksForIt()
    {
        using var ann = fixture.Ann();
        var silence = TestSpeech.Silence(3);
        var withheld = await ann.TranscribeAsync(silence, new { redact_pii = true, redact_pii_policies = PhoneNumberPolicy, redact_pii_audio = true });
        Assert.True(withheld.GetProperty("status").GetString() == "completed", withheld.ToString());
        Assert.Equal("", withheld.GetProperty("text").GetString());
        var (status, body) = await ann.GetAsync($"/v2/transcript/{withheld.GetProperty("id").GetString()}/redacted-audio");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("no speech was found", body.GetProperty("error").GetString());

        var asked = await ann.TranscribeAsync(silence, new
        {
            redact_pii = true, redact_pii_policies = PhoneNumberPolicy, redact_pii_audio = true,
            redact_pii_audio_options = new { return_redacted_no_speech_audio = true },
        });
        Assert.Equal("completed", asked.GetProperty("status").GetString());
        Assert.True(asked.GetProperty("redact_pii_audio_options").GetProperty("return_redacted_no_speech_audio").GetBoolean());
        (status, body) = await ann.GetAsync($"/v2/transcript/{asked.GetProperty("id").GetString()}/redacted-audio");
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal("redacted_audio_ready", body.GetProperty("status").GetString());
        using var download = await new HttpClient().GetAsync(body.GetProperty("redacted_audio_url").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.True((await download.Content.ReadAsByteArrayAsync()).Length > 1000);
    }

    [Fact]
    public async Task RedactedAudio_OfTranscriptWithoutRedactPiiAudio_Returns400()
    {
        using var ann = fixture.Ann();
        var transcript = await ann.TranscribeAsync(SpeechWithPhoneNumber(), new { redact_pii = true, redact_pii_policies = PhoneNumberPolicy });
        Assert.Equal("completed", transcript.GetProperty("status").GetString());

        var (status, body) = await ann.GetAsync($"/v2/transcript/{transcript.GetProperty("id").GetString()}/redacted-audio");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("redact_pii_audio", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task RedactedAudio_OtherTeamsTranscriptOrUnknownId_Returns404()
    {
        using var ann = fixture.Ann();
        using var bob = fixture.Bob();
        var transcript = await ann.TranscribeAsync(SpeechWithPhoneNumber(), new { redact_pii = true, redact_pii_policies = PhoneNumberPolicy, redact_pii_audio = true });
        var id = transcript.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await ann.GetAsync($"/v2/transcript/{id}/redacted-audio")).Status);

        foreach (var path in new[] { $"/v2/transcript/{id}/redacted-audio", $"/v2/transcript/{Guid.NewGuid()}/redacted-audio", "/v2/transcript/nonsense/redacted-audio" })
        {
            var (status, body) = await bob.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Equal("Transcript not found", body.GetProperty("error").GetString());
        }
    }

    [Fact]
    public async Task RedactedAudioUrl_WithoutOrWithAForgedToken_IsRefused()
    {
        using var ann = fixture.Ann();
        var first = await ann.TranscribeAsync(SpeechWithPhoneNumber(), new { redact_pii = true, redact_pii_policies = PhoneNumberPolicy, redact_pii_audio = true });
        var second = await ann.TranscribeAsync(SpeechWithPhoneNumber(), new { redact_pii = true, redact_pii_policies = PhoneNumberPolicy, redact_pii_audio = true });
        var url = new Uri(await RedactedAudioUrlAsync(ann, first));
        var token = url.Query["?token=".Length..];
        var otherId = second.GetProperty("id").GetString();

        using var anonymous = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(url)).StatusCode);
        foreach (var forged in new[]
        {
            url.GetLeftPart(UriPartial.Path),
            url.GetLeftPart(UriPartial.Path) + "?token=" + token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA"),
            $"/v2/redacted-audio/{otherId}.mp3?token={token}",
        })
        {
            using var response = await anonymous.GetAsync(forged);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{forged} answered {(int)response.StatusCode}");
            Assert.Contains("invalid or has expired", (await V2Client.ReadJsonAsync(response)).GetProperty("error").GetString());
        }
    }

    [Fact]
    public async Task Delete_RemovesTheRedactedFileAndItsUrlStopsWorking()
    {
        using var ann = fixture.Ann();
        var transcript = await ann.TranscribeAsync(SpeechWithPhoneNumber(), new { redact_pii = true, redact_pii_policies = PhoneNumberPolicy, redact_pii_audio = true });
        var id = transcript.GetProperty("id").GetString()!;
        var url = await RedactedAudioUrlAsync(ann, transcript);
        var stored = Directory.GetFiles(Path.Combine(fixture.Server.DataDirectory, "redacted-audio"), id + ".mp3", SearchOption.AllDirectories).Single();

        using var anonymous = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(url)).StatusCode);

        using (var deleted = await ann.Http.DeleteAsync($"/v2/transcript/{id}"))
        {
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        }

        Assert.False(File.Exists(stored));
        using var after = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        var (status, body) = await ann.GetAsync($"/v2/transcript/{id}/redacted-audio");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("deleted", body.GetProperty("error").GetString());
    }

    /// <summary>Speech, the number, speech: flite's kal16 voice, which pocketsphinx reads the digits of reliably.</summary>
    private static string SpeechWithPhoneNumber() => TestSpeech.Concat(
        TestSpeech.Say("we will go to the park in the afternoon"),
        TestSpeech.Silence(0.6),
        TestSpeech.Say("my phone number is four one five five five five one two three four"),
        TestSpeech.Silence(0.6),
        TestSpeech.Say("and play football with our friends"));

    /// <summary>Start and end (ms) of the words the redactor replaced, as the transcript reports them.</summary>
    private static List<(int Start, int End)> RedactedSpans(JsonElement transcript) =>
        transcript.GetProperty("words").EnumerateArray()
            .Where(w => w.GetProperty("text").GetString()!.Contains('#'))
            .Select(w => (w.GetProperty("start").GetInt32(), w.GetProperty("end").GetInt32()))
            .ToList();

    /// <summary>20 ms windows (a whole number of beep cycles) covering [start, end).</summary>
    private static IEnumerable<(int Start, int Length)> Windows(int startMs, int endMs)
    {
        for (var ms = startMs; ms + 20 <= endMs; ms += 20)
        {
            yield return (Pcm.Index(ms), Pcm.Index(20));
        }
    }

    private static async Task<string> RedactedAudioUrlAsync(V2Client client, JsonElement transcript)
    {
        var (status, body) = await client.GetAsync($"/v2/transcript/{transcript.GetProperty("id").GetString()}/redacted-audio");
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal("redacted_audio_ready", body.GetProperty("status").GetString());
        Assert.Equal(2, body.EnumerateObject().Count());
        return body.GetProperty("redacted_audio_url").GetString()!;
    }

    /// <summary>Downloads redacted_audio_url the way the SDKs do: a plain GET with no authorization header.</summary>
    private static async Task<(string Path, string? ContentType)> DownloadRedactedAudioAsync(V2Client client, JsonElement transcript, string extension)
    {
        var url = await RedactedAudioUrlAsync(client, transcript);
        Assert.EndsWith(extension, new Uri(url).AbsolutePath);
        using var anonymous = new HttpClient();
        using var response = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var path = TestSpeech.NewPath(extension);
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        return (path, response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>An ID3 tag or an MPEG audio frame header at the start.</summary>
    private static bool LooksLikeMp3(byte[] bytes) =>
        bytes.Length > 3 && (Encoding.ASCII.GetString(bytes, 0, 3) == "ID3" || (bytes[0] == 0xFF && (bytes[1] & 0xE0) == 0xE0));
}
