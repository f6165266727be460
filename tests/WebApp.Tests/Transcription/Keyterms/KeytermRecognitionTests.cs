using Microsoft.Extensions.Logging.Abstractions;
using WebApp.Tests.Infrastructure;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;
using WebApp.Transcription.Engines.PocketSphinx.Keyterms;

namespace WebApp.Tests.Transcription.Keyterms;

/// <summary>keyterms_prompt in the engine, on flite speech: terms the English model lacks are recognised only with it.</summary>
[Collection(SpeechEngineCollection.Name)]
public sealed class KeytermRecognitionTests(SpeechEngineFixture fixture)
{
    // Without the terms pocketsphinx hears "dr congo", "take one star trek double it", "our post respect…",
    // "to perform and kafka" (measured; the decoder is deterministic).
    [Theory]
    [InlineData("doctor okonkwo will see you in the morning", "Okonkwo")]
    [InlineData("take one zyrtec tablet before you go to bed", "Zyrtec")]
    [InlineData("our postgres database needs more memory", "Postgres")]
    [InlineData("we moved the pipeline to terraform and kafka", "Terraform")]
    public async Task Transcribe_TermOutsideTheVocabulary_IsMissedWithoutKeytermsAndFoundWithThem(string sentence, string term)
    {
        var audio = TestSpeech.Say(sentence);

        var without = await TranscribeAsync(audio, []);
        var with = await TranscribeAsync(audio, [term, "Kubernetes", "Siobhan Dwyer"]);

        Assert.DoesNotContain(term, without, StringComparer.OrdinalIgnoreCase);
        Assert.Contains(term, with);
    }

    [Fact]
    public async Task Transcribe_SentenceWithoutTheTerms_IsRecognisedAsWithoutKeyterms()
    {
        var audio = TestSpeech.Say(TestSpeech.Sentence);

        var without = await TranscribeAsync(audio, []);
        var with = await TranscribeAsync(audio, ["Okonkwo", "Zyrtec", "Postgres", "Terraform", "Kubernetes", "Grafana"]);

        Assert.Equal(without, with);
    }

    [Fact]
    public async Task Transcribe_WithKeyterms_LeavesTheSharedDecodersWithoutThem()
    {
        var audio = TestSpeech.Say("doctor okonkwo will see you in the morning");
        Assert.Contains("Okonkwo", await TranscribeAsync(audio, ["Okonkwo"]));
        var samples = await SamplesAsync(audio);

        // Hold every shared decoder at once, so each of them is looked at.
        using var allTaken = new Barrier(fixture.Pool.Size);
        var seen = await Task.WhenAll(Enumerable.Range(0, fixture.Pool.Size).Select(_ => fixture.Pool.RunAsync(decoder =>
        {
            allTaken.SignalAndWait(TimeSpan.FromSeconds(30));
            return (decoder.Knows("okonkwo"), decoder.HasKeyterms, Recognised: decoder.Recognize(samples));
        }, CancellationToken.None)));

        Assert.All(seen, decoder =>
        {
            Assert.False(decoder.Item1, "a shared decoder knows okonkwo");
            Assert.False(decoder.HasKeyterms);
            Assert.DoesNotContain(decoder.Recognised, word => word.Text == "okonkwo");
        });
        Assert.InRange(fixture.Pool.LoadedCount, 1, fixture.Pool.Size);
    }

    [Fact]
    public async Task KeytermSession_Decoders_KnowTheTermAndAreFreedWithIt()
    {
        var pronouncer = new KeytermPronouncer(SpeechEngineFixture.ModelDirectory, NullLogger<KeytermPronouncer>.Instance);
        var vocabulary = (await pronouncer.PronounceAsync(["Okonkwo"], CancellationToken.None))!;
        var loadedBefore = fixture.Pool.LoadedCount;

        bool knows;
        using (var session = fixture.Pool.OpenKeytermSession(vocabulary, PocketSphinxEngine.KeytermWeight))
        {
            knows = await session.RunAsync(decoder => decoder.Knows("okonkwo") && decoder.HasKeyterms, CancellationToken.None);
        }

        Assert.True(knows);
        Assert.True(fixture.Pool.LoadedCount <= loadedBefore, $"{fixture.Pool.LoadedCount} decoders loaded after the session, {loadedBefore} before");
    }

    private async Task<string[]> TranscribeAsync(string audio, IReadOnlyList<string> keyterms)
    {
        var result = await fixture.Engine.TranscribeAsync(new RecognitionRequest(audio) { Keyterms = keyterms }, null, CancellationToken.None);
        return [.. result.Words.Select(word => word.Text)];
    }

    private static async Task<short[]> SamplesAsync(string path)
    {
        using var audio = await new AudioDecoder().DecodeAsync(path, CancellationToken.None);
        return audio.ReadSamples(0, (int)audio.SampleCount);
    }
}
