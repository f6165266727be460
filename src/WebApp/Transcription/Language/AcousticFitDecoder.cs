using System.Runtime.InteropServices;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;
using static WebApp.Transcription.Engines.PocketSphinx.PocketSphinxNative;

namespace WebApp.Transcription.Language;

/// <summary>
/// How well one utterance fits English, from two decodings of it with the same acoustic model: once as English words
/// under the English language model, once as a free sequence of phones under a phone n-gram. English speech can be
/// spelled in English words at nearly the acoustic cost of the unconstrained phone path; speech in another language
/// cannot, so its word path is forced through much worse-fitting sounds.
/// </summary>
/// <param name="Frames">10 ms frames decoded.</param>
/// <param name="WordAcousticScore">Acoustic log score (pocketsphinx log base) of the best English word path.</param>
/// <param name="PhoneAcousticScore">Acoustic log score of the best phone-loop path.</param>
/// <param name="Words">English words (not silence or noise) on the word path.</param>
/// <param name="WordConfidenceSum">Sum of those words' posterior probabilities.</param>
public readonly record struct AcousticFit(int Frames, long WordAcousticScore, long PhoneAcousticScore, int Words, double WordConfidenceSum)
{
    public static AcousticFit operator +(AcousticFit a, AcousticFit b) => new(
        a.Frames + b.Frames, a.WordAcousticScore + b.WordAcousticScore, a.PhoneAcousticScore + b.PhoneAcousticScore,
        a.Words + b.Words, a.WordConfidenceSum + b.WordConfidenceSum);
}

/// <summary>
/// A native pocketsphinx decoder holding the English word search and a phone-loop search (~140 MB, ~1 s to load).
/// Not thread-safe: one utterance at a time.
/// </summary>
public sealed class AcousticFitDecoder : IDisposable
{
    private const string PhoneSearch = "phones";

    private readonly nint decoder;
    private readonly nint logMath;
    private readonly string wordSearch;
    private readonly PocketSphinxConfig config;
    private bool disposed;

    /// <param name="modelDirectory">The en-us model directory; also holds <c>en-us-phone.lm.bin</c>.</param>
    public AcousticFitDecoder(string modelDirectory)
    {
        var phoneModel = Path.Combine(modelDirectory, "en-us-phone.lm.bin");
        if (!File.Exists(phoneModel))
        {
            throw new InvalidOperationException($"Language detection needs the phone language model '{phoneModel}' (Debian package pocketsphinx-en-us).");
        }

        bool phonesLoaded;
        lock (LifecycleGate)
        {
            err_set_logfp(0);
            config = PocketSphinxConfig.Create(modelDirectory);
            decoder = ps_init(config.Handle);
            if (decoder == 0)
            {
                config.Dispose();
                throw new InvalidOperationException($"pocketsphinx could not load the model in '{modelDirectory}'.");
            }

            wordSearch = Marshal.PtrToStringUTF8(ps_get_search(decoder)) ?? "_default";
            // Context-independent phones: ~100 times faster than the triphone loop (0.1 against 8 times real time here),
            // and the gap to the word path separates the languages as well once calibrated.
            cmd_ln_set_int_r(config.Handle, "-allphone_ci", 1);
            phonesLoaded = ps_set_allphone_file(decoder, PhoneSearch, phoneModel) >= 0;
        }

        if (!phonesLoaded)
        {
            Dispose();
            throw new InvalidOperationException($"pocketsphinx could not load the phone language model '{phoneModel}'.");
        }

        logMath = ps_get_logmath(decoder);
    }

    /// <summary>Decodes <paramref name="samples"/> (16 kHz mono) as one utterance with each search.</summary>
    public AcousticFit Measure(ReadOnlySpan<short> samples)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (samples.Length < DecodedAudio.SampleRate / 10)
        {
            return default;
        }

        Decode(samples, wordSearch);
        var words = ReadPath();
        Decode(samples, PhoneSearch);
        var phones = ReadPath();
        return new AcousticFit(Math.Max(words.Frames, phones.Frames), words.AcousticScore, phones.AcousticScore, words.Words, words.ConfidenceSum);
    }

    private void Decode(ReadOnlySpan<short> samples, string search)
    {
        Check(ps_set_search(decoder, search), "ps_set_search");
        ProcessUtterance(decoder, samples);
    }

    private (int Frames, long AcousticScore, int Words, double ConfidenceSum) ReadPath()
    {
        if (ps_get_hyp(decoder, out _) == 0)
        {
            return default;
        }

        int frames = 0, words = 0;
        long acoustic = 0;
        double confidence = 0;
        for (var segment = ps_seg_iter(decoder); segment != 0; segment = ps_seg_next(segment))
        {
            ps_seg_frames(segment, out var start, out var end);
            var posterior = logmath_exp(logMath, ps_seg_prob(segment, out var acousticScore, out _, out _));
            frames = Math.Max(frames, end + 1);
            acoustic += acousticScore;
            var text = Marshal.PtrToStringUTF8(ps_seg_word(segment)) ?? "";
            if (text.Length > 0 && text[0] is not ('<' or '[') && !text.StartsWith("++", StringComparison.Ordinal))
            {
                words++;
                confidence += double.IsFinite(posterior) ? Math.Clamp(posterior, 0, 1) : 0;
            }
        }

        return (frames, acoustic, words, confidence);
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
            if (decoder != 0)
            {
                ps_free(decoder);
            }

            config.Dispose();
        }
    }
}
