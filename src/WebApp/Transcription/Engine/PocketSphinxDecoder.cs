using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using static WebApp.Transcription.Engine.PocketSphinxNative;

namespace WebApp.Transcription.Engine;

/// <summary>
/// One native pocketsphinx decoder with the en-us model loaded (~100 MB, ~0.5 s to load, so keep it and reuse it through
/// <see cref="DecoderPool"/>). Not thread-safe: one utterance at a time.
/// </summary>
public sealed partial class PocketSphinxDecoder : IDisposable
{
    private const int MillisecondsPerFrame = 10;

    /// <summary>
    /// Loading and freeing go one at a time: the 2015 library keeps process-wide state (its log file, for one: each
    /// configuration with "-logfn" closed the log file other decoders were writing to, which crashed the process)
    /// and was not written for concurrent set-up. Recognition itself runs in parallel, one decoder per thread.
    /// </summary>
    private static readonly Lock LifecycleGate = new();

    private readonly nint decoder;
    private readonly nint logMath;
    private readonly PocketSphinxConfig config;
    private bool disposed;

    /// <param name="modelDirectory">Holds <c>en-us/</c> (acoustic model), <c>en-us.lm.bin</c> and <c>cmudict-en-us.dict</c>.</param>
    public PocketSphinxDecoder(string modelDirectory)
    {
        lock (LifecycleGate)
        {
            // It logs every utterance to stderr, nothing a server's operator needs.
            err_set_logfp(0);
            config = PocketSphinxConfig.Create(modelDirectory);
            decoder = ps_init(config.Handle);
            if (decoder == 0)
            {
                config.Dispose();
                throw new InvalidOperationException($"pocketsphinx could not load the model in '{modelDirectory}'.");
            }
        }

        logMath = ps_get_logmath(decoder);
    }

    /// <summary>Recognises <paramref name="samples"/> (16 kHz mono) as one utterance.</summary>
    /// <returns>Words with times relative to the first sample, in order.</returns>
    public IReadOnlyList<RecognizedWord> Recognize(ReadOnlySpan<short> samples)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (samples.IsEmpty)
        {
            return [];
        }

        var buffer = ArrayPool<short>.Shared.Rent(samples.Length);
        try
        {
            var utterance = buffer.AsSpan(0, samples.Length);
            samples.CopyTo(utterance);
            DitherDigitalSilence(utterance);

            // A fresh stream per utterance, or frame numbers keep counting from the previous one.
            Check(ps_start_stream(decoder), "ps_start_stream");
            Check(ps_start_utt(decoder), "ps_start_utt");
            unsafe
            {
                fixed (short* data = utterance)
                {
                    // full_utt = 1: the whole utterance at once lets it normalise over all of it, which is far more
                    // accurate than feeding it in blocks.
                    Check(ps_process_raw(decoder, data, (nuint)utterance.Length, 0, 1), "ps_process_raw");
                }
            }

            Check(ps_end_utt(decoder), "ps_end_utt");
            return ps_get_hyp(decoder, out _) == 0 ? [] : ReadWords();
        }
        finally
        {
            ArrayPool<short>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Exact zeros (padding, gaps cut in an editor, generated silence) throw pocketsphinx: 3 s of them came back as
    /// "dog", and zeroed pauses between sentences cost accuracy. Turning each zero into ±1, the least noise any
    /// recording has, avoids that without touching real sound; the fixed seed keeps the result repeatable.
    /// pocketsphinx's own "-dither" is no substitute: its random generator is shared by all decoders in the process.
    /// </summary>
    private static void DitherDigitalSilence(Span<short> samples)
    {
        var noise = new Random(Seed: 1);
        foreach (ref var sample in samples)
        {
            if (sample == 0)
            {
                sample = (short)(noise.Next(2) * 2 - 1);
            }
        }
    }

    private List<RecognizedWord> ReadWords()
    {
        var words = new List<RecognizedWord>();
        for (var segment = ps_seg_iter(decoder); segment != 0; segment = ps_seg_next(segment))
        {
            var text = Marshal.PtrToStringUTF8(ps_seg_word(segment));
            if (text is null || IsNotAWord(text))
            {
                continue;
            }

            ps_seg_frames(segment, out var startFrame, out var endFrame);
            var posterior = logmath_exp(logMath, ps_seg_prob(segment, out _, out _, out _));
            words.Add(new RecognizedWord(
                AlternatePronunciation().Replace(text, ""),
                startFrame * MillisecondsPerFrame,
                (endFrame + 1) * MillisecondsPerFrame,
                double.IsFinite(posterior) ? Math.Clamp(posterior, 0, 1) : 0));
        }

        return words;
    }

    /// <summary>Sentence marks (&lt;s&gt;, &lt;/s&gt;), silence (&lt;sil&gt;), noises ([NOISE]) and fillers (++UH++).</summary>
    private static bool IsNotAWord(string token) =>
        token.Length == 0 || token[0] is '<' or '[' || token.StartsWith("++", StringComparison.Ordinal);

    /// <summary>The dictionary marks alternate pronunciations as "read(2)".</summary>
    [GeneratedRegex(@"\(\d+\)$")]
    private static partial Regex AlternatePronunciation();

    private static void Check(int result, string function)
    {
        if (result < 0)
        {
            throw new InvalidOperationException($"pocketsphinx {function} failed ({result}).");
        }
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        lock (LifecycleGate)
        {
            ps_free(decoder);
            config.Dispose();
        }
    }
}
