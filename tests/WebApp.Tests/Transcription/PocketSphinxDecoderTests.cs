using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;
using Xunit.Abstractions;

namespace WebApp.Tests.Transcription;

[Collection(SpeechEngineCollection.Name)]
public sealed class PocketSphinxDecoderTests(SpeechEngineFixture fixture, ITestOutputHelper output)
{
    /// <summary>Measured 28.2% (20/71) on these clips, each recognised on its own; the bound allows three more errors.</summary>
    private const double WordErrorRateBound = 0.33;

    [Fact]
    public async Task Recognize_LibrivoxClips_WordErrorRateBelowBound()
    {
        var reference = new List<string>();
        var recognised = new List<string>();
        foreach (var clip in LibrivoxClips.All)
        {
            reference.Add(clip.Transcript);
            recognised.AddRange((await RecognizeAsync(clip.Path)).Select(word => word.Text));
        }

        var wer = WordErrorRate.Measure(string.Join(' ', reference), string.Join(' ', recognised));
        output.WriteLine($"WER {wer}");

        Assert.True(wer.Rate < WordErrorRateBound, $"WER {wer} is not below {WordErrorRateBound:P0}.");
    }

    [Fact]
    public async Task Recognize_Clip_TimingsAreOrderedAndInsideTheAudio()
    {
        var words = await RecognizeAsync(LibrivoxClips.All[0].Path);

        Assert.NotEmpty(words);
        Assert.All(words, word => Assert.True(word.StartMs >= 0 && word.EndMs > word.StartMs && word.EndMs <= 7100, $"{word}"));
        Assert.All(words.Zip(words.Skip(1)), pair => Assert.True(pair.Second.StartMs >= pair.First.EndMs, $"{pair.First} then {pair.Second}"));
    }

    [Fact]
    public async Task Recognize_Clip_ConfidencesAreProbabilities()
    {
        var words = await RecognizeAsync(LibrivoxClips.All[0].Path);

        Assert.All(words, word => Assert.InRange(word.Confidence, 0, 1));
        Assert.Contains(words, word => word.Confidence > 0.9);
        Assert.Contains(words, word => word.Confidence < 0.5);
    }

    [Fact]
    public async Task Recognize_Clip_ReturnsOnlyPlainWords()
    {
        var words = await RecognizeAsync(LibrivoxClips.All[0].Path);

        Assert.All(words, word => Assert.Matches("^[a-z']+$", word.Text));
    }

    [Fact]
    public async Task Recognize_AfterLeadingSilence_TimingsIncludeTheSilence()
    {
        // pocketsphinx's own silence removal would drop the 3 s and report the first word near 0.
        var padded = TestAudio.Concat(fixture.Scratch.File("padded.wav"),
            [TestAudio.Silence(3, fixture.Scratch.File("three-seconds.wav")), LibrivoxClips.All[4].Path]);

        var words = await RecognizeAsync(padded);

        Assert.InRange(words[0].StartMs, 3000, 3500);
    }

    [Fact]
    public async Task Recognize_TwoUtterancesInARow_SecondStartsFromZero()
    {
        var samples = await ReadSamplesAsync(LibrivoxClips.All[1].Path);

        var (first, second) = await fixture.Pool.RunAsync(decoder => (decoder.Recognize(samples), decoder.Recognize(samples)), CancellationToken.None);

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Recognize_Silence_ReturnsNoWords()
    {
        var words = await RecognizeAsync(TestAudio.Silence(3, fixture.Scratch.File("silence.wav")));

        Assert.Empty(words);
    }

    [Fact]
    public async Task Recognize_DigitalSilence_ReturnsNoWords()
    {
        // Exact zeros (padding, gaps cut in an editor): undithered, 3 s of them came back as "dog".
        var zeros = new short[3 * DecodedAudio.SampleRate];

        var words = await fixture.Pool.RunAsync(decoder => decoder.Recognize(zeros), CancellationToken.None);

        Assert.Empty(words);
    }

    private async Task<IReadOnlyList<RecognizedWord>> RecognizeAsync(string path)
    {
        var samples = await ReadSamplesAsync(path);
        return await fixture.Pool.RunAsync(decoder => decoder.Recognize(samples), CancellationToken.None);
    }

    private static async Task<short[]> ReadSamplesAsync(string path)
    {
        using var audio = await new AudioDecoder().DecodeAsync(path, CancellationToken.None);
        return audio.ReadSamples(0, (int)audio.SampleCount);
    }
}
