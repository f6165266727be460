using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx.Keyterms;
using static WebApp.Transcription.Engines.PocketSphinx.PocketSphinxNative;

namespace WebApp.Transcription.Engines.PocketSphinx;

/// <summary>
/// One native pocketsphinx decoder with the en-us model loaded (~100 MB, ~0.5 s to load, so keep it and reuse it through
/// <see cref="DecoderPool"/>). Not thread-safe: one utterance at a time.
/// </summary>
public sealed partial class PocketSphinxDecoder : IDisposable
{
    private const int MillisecondsPerFrame = 10;

    /// <summary>The search pocketsphinx builds from "-lm".</summary>
    private const string DefaultSearch = "_default";

    private const string KeytermSearch = "keyterms";

    private readonly nint decoder;
    private readonly nint logMath;
    private readonly PocketSphinxConfig config;
    private bool disposed;

    /// <param name="modelDirectory">Holds <c>en-us/</c> (acoustic model), <c>en-us.lm.bin</c> and <c>cmudict-en-us.dict</c>.</param>
    /// <param name="dictionaryPath">A pronouncing dictionary to use instead of the model's (one with key terms added).</param>
    /// <param name="singlePass">The forward search only (see <see cref="PocketSphinxConfig.Create"/>).</param>
    public PocketSphinxDecoder(string modelDirectory, string? dictionaryPath = null, bool singlePass = false)
    {
        lock (LifecycleGate)
        {
            // It logs every utterance to stderr, nothing a server's operator needs.
            err_set_logfp(0);
            config = PocketSphinxConfig.Create(modelDirectory, dictionaryPath, singlePass);
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

            ProcessUtterance(decoder, utterance);
            return ps_get_hyp(decoder, out _) == 0 ? [] : ReadWords();
        }
        finally
        {
            ArrayPool<short>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Starts a live utterance, fed in pieces by <see cref="Continue"/>: frame times restart at zero. Less accurate than
    /// <see cref="Recognize"/> (it cannot normalise over audio it has not heard yet), but its hypothesis is there at once.
    /// </summary>
    public void BeginUtterance()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        Check(ps_start_stream(decoder), "ps_start_stream");
        Check(ps_start_utt(decoder), "ps_start_utt");
    }

    /// <summary>Feeds the next piece of the live utterance.</summary>
    public unsafe void Continue(ReadOnlySpan<short> samples)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var buffer = ArrayPool<short>.Shared.Rent(samples.Length);
        try
        {
            var piece = buffer.AsSpan(0, samples.Length);
            samples.CopyTo(piece);
            DitherDigitalSilence(piece);
            fixed (short* data = piece)
            {
                Check(ps_process_raw(decoder, data, (nuint)piece.Length, 0, 0), "ps_process_raw");
            }
        }
        finally
        {
            ArrayPool<short>.Shared.Return(buffer);
        }
    }

    /// <summary>The live utterance's best words so far, with times from its start.</summary>
    public IReadOnlyList<RecognizedWord> CurrentWords()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return ps_get_hyp(decoder, out _) == 0 ? [] : ReadWords();
    }

    /// <summary>Ends the live utterance; returns its final words.</summary>
    public IReadOnlyList<RecognizedWord> EndUtterance()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        Check(ps_end_utt(decoder), "ps_end_utt");
        return ps_get_hyp(decoder, out _) == 0 ? [] : ReadWords();
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

    /// <summary>
    /// Biases this decoder toward <paramref name="vocabulary"/>: recognition switches to the English model interpolated
    /// with a model of the terms alone (<see cref="KeytermLanguageModel"/>), which lifts every term word in every
    /// context. The decoder must have been loaded with a dictionary that has the words
    /// (<see cref="KeytermDictionary"/>). Cannot be undone: a decoder with key terms belongs to one job and is thrown
    /// away after it (see <see cref="DecoderPool"/>).
    /// </summary>
    /// <remarks>
    /// Words are not added with <c>ps_add_word</c>: in this version it also appends them to the English trie model,
    /// whose scoring then reads past its arrays and crashes the process on the first utterance.
    /// </remarks>
    /// <param name="weight">The terms model's share of the interpolation; the English model keeps the rest.</param>
    public void AddKeyterms(KeytermVocabulary vocabulary, double weight)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weight);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(weight, 1);
        if (vocabulary.Words.FirstOrDefault(word => !Knows(word.Text)) is { } missing)
        {
            throw new InvalidOperationException($"The decoder's dictionary lacks the key term word '{missing.Text}'.");
        }

        var arpaPath = Path.Combine(Path.GetTempPath(), $"verbatim-keyterms-{Guid.NewGuid():N}.arpa");
        File.WriteAllText(arpaPath, KeytermLanguageModel.ToArpa(vocabulary));
        nint[] names = [Marshal.StringToCoTaskMemUTF8("english"), Marshal.StringToCoTaskMemUTF8("keyterms")];
        try
        {
            // Building models is set-up, like loading: one at a time across the process.
            lock (LifecycleGate)
            {
                var configuration = ps_get_config(decoder);
                var termsModel = ngram_model_read(configuration, arpaPath, NgramArpa, logMath);
                if (termsModel == 0)
                {
                    throw new InvalidOperationException("pocketsphinx could not read the key terms' language model.");
                }

                // The set takes over one reference of each model it is given, and the default search keeps its own.
                var englishModel = ngram_model_retain(ps_get_lm(decoder, DefaultSearch));
                var interpolated = ngram_model_set_init(configuration, [englishModel, termsModel], names, [(float)(1 - weight), (float)weight], 2);
                if (interpolated == 0)
                {
                    ngram_model_free(termsModel);
                    ngram_model_free(englishModel);
                    throw new InvalidOperationException("pocketsphinx could not combine the language models.");
                }

                // The search holds its own reference, as ps_set_lm_file does it.
                var created = ps_set_lm(decoder, KeytermSearch, interpolated);
                ngram_model_free(interpolated);
                Check(created == 0 ? 0 : -1, "ps_set_lm");
                Check(ps_set_search(decoder, KeytermSearch), "ps_set_search");
            }
        }
        finally
        {
            foreach (var name in names)
            {
                Marshal.FreeCoTaskMem(name);
            }

            File.Delete(arpaPath);
        }

        HasKeyterms = true;
    }

    /// <summary>Whether <see cref="AddKeyterms"/> changed this decoder.</summary>
    public bool HasKeyterms { get; private set; }

    /// <summary>Whether the dictionary has <paramref name="word"/> (lower case, as recognised).</summary>
    public bool Knows(string word)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var phones = ps_lookup_word(decoder, word);
        if (phones == 0)
        {
            return false;
        }

        ckd_free(phones);
        return true;
    }

    /// <summary>Sentence marks (&lt;s&gt;, &lt;/s&gt;), silence (&lt;sil&gt;), noises ([NOISE]) and fillers (++UH++).</summary>
    private static bool IsNotAWord(string token) =>
        token.Length == 0 || token[0] is '<' or '[' || token.StartsWith("++", StringComparison.Ordinal);

    /// <summary>The dictionary marks alternate pronunciations as "read(2)".</summary>
    [GeneratedRegex(@"\(\d+\)$")]
    private static partial Regex AlternatePronunciation();

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
