using Microsoft.Extensions.Logging.Abstractions;
using WebApp.Streaming;
using WebApp.Tests.Infrastructure;
using WebApp.Tests.Transcription;
using WebApp.Transcription.Engines.PocketSphinx;
using WebApp.Transcription.Engines.PocketSphinx.Keyterms;

namespace WebApp.Tests.Streaming;

/// <summary>The live transcriber on real decoders, fed a LibriVox recording in 100 ms pieces.</summary>
public sealed class LiveTranscriberTests
{
    private const string Recording = "/usr/share/pocketsphinx/test/data/librivox/sense_and_sensibility_01_austen_64kb-0870.wav";

    [Fact]
    public async Task ForwardSearchOnly_EveryFinalWordWasInAPartial_WhileTheSecondPassChangesSome()
    {
        var (shippedFinals, shippedUnseen) = await TranscribeAsync(forwardSearchOnly: false);
        var (forwardFinals, forwardUnseen) = await TranscribeAsync(forwardSearchOnly: true);

        Assert.NotEmpty(shippedFinals);
        Assert.NotEmpty(forwardFinals);
        Assert.Empty(forwardUnseen);
        Assert.NotEmpty(shippedUnseen);
    }

    /// <returns>The final turns' words, and those of them no partial had (same text, start within 150 ms).</returns>
    private static async Task<(List<StreamingWord> Finals, List<StreamingWord> Unseen)> TranscribeAsync(bool forwardSearchOnly)
    {
        using var decoders = new LiveDecoders(SpeechEngineFixture.ModelDirectory,
            new KeytermPronouncer(SpeechEngineFixture.ModelDirectory, NullLogger<KeytermPronouncer>.Instance), 0, singlePass: forwardSearchOnly);
        using var decoder = await decoders.AcquireAsync([], CancellationToken.None);
        var partials = new List<StreamingWord>();
        var finals = new List<StreamingWord>();
        var transcriber = new LiveTranscriber(decoder.Decoder, null, new TurnSettings(), 150, message =>
        {
            if (message is TurnMessage turn)
            {
                (turn.EndOfTurn ? finals : partials).AddRange(turn.Words);
            }
        });
        var audio = Pcm.Decode(Recording);
        for (var offset = 0; offset < audio.Length; offset += 1600)
        {
            transcriber.Push(audio.AsSpan(offset, Math.Min(1600, audio.Length - offset)));
        }

        transcriber.Finish();
        return (finals, [.. finals.Where(word => !partials.Any(p => p.Text == word.Text && Math.Abs(p.Start - word.Start) <= 150))]);
    }
}
