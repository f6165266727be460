using System.Runtime.InteropServices;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;

namespace WebApp.Transcription.Engines.PocketSphinx;

/// <summary>
/// The slice of the pocketsphinx 5prealpha C API (Debian's libpocketsphinx3) that <see cref="PocketSphinxDecoder"/> needs.
/// Signatures were checked against the shipped binaries: in this version <c>ps_get_hyp</c> takes no utterance id and
/// <c>ps_seg_iter</c> takes no score pointer.
/// </summary>
internal static partial class PocketSphinxNative
{
    private const string PocketSphinx = "libpocketsphinx.so.3";
    private const string SphinxBase = "libsphinxbase.so.3";

    /// <summary>
    /// Loading and freeing decoders go one at a time, whichever class owns them: the 2015 library keeps process-wide
    /// state (its log file, for one: each configuration with "-logfn" closed the log file other decoders were writing
    /// to, which crashed the process) and was not written for concurrent set-up. Recognition runs in parallel.
    /// </summary>
    internal static readonly Lock LifecycleGate = new();

    /// <summary>Decodes <paramref name="samples"/> as one utterance with the decoder's active search.</summary>
    internal static unsafe void ProcessUtterance(nint decoder, ReadOnlySpan<short> samples)
    {
        // A fresh stream per utterance, or frame numbers keep counting from the previous one.
        Check(ps_start_stream(decoder), "ps_start_stream");
        Check(ps_start_utt(decoder), "ps_start_utt");
        fixed (short* data = samples)
        {
            // full_utt = 1: the whole utterance at once lets it normalise over all of it, which is far more accurate
            // than feeding it in blocks.
            Check(ps_process_raw(decoder, data, (nuint)samples.Length, 0, 1), "ps_process_raw");
        }

        Check(ps_end_utt(decoder), "ps_end_utt");
    }

    /// <summary>Turns a call's negative result into an exception naming the call.</summary>
    internal static void Check(int result, string function)
    {
        if (result < 0)
        {
            throw new InvalidOperationException($"pocketsphinx {function} failed ({result}).");
        }
    }

    /// <summary>The decoder's argument definitions, to parse a configuration against.</summary>
    [LibraryImport(PocketSphinx)]
    internal static partial nint ps_args();

    /// <summary>
    /// Builds a configuration from name/value pairs. <c>cmd_ln_init</c> would be easier but is variadic, which
    /// P/Invoke cannot call. The configuration keeps pointers to the argument names, so they must outlive it.
    /// </summary>
    [LibraryImport(SphinxBase)]
    internal static partial nint cmd_ln_parse_r(nint inoutConfig, nint definitions, int argc, nint[] argv, int strict);

    [LibraryImport(SphinxBase)]
    internal static partial int cmd_ln_free_r(nint config);

    /// <summary>Loads the models; retains <paramref name="config"/>. Returns 0 on failure.</summary>
    [LibraryImport(PocketSphinx)]
    internal static partial nint ps_init(nint config);

    [LibraryImport(PocketSphinx)]
    internal static partial int ps_free(nint decoder);

    /// <summary>Resets the frame counter, so timestamps of the next utterance start at zero.</summary>
    [LibraryImport(PocketSphinx)]
    internal static partial int ps_start_stream(nint decoder);

    [LibraryImport(PocketSphinx)]
    internal static partial int ps_start_utt(nint decoder);

    [LibraryImport(PocketSphinx)]
    internal static unsafe partial int ps_process_raw(nint decoder, short* samples, nuint sampleCount, int noSearch, int fullUtterance);

    [LibraryImport(PocketSphinx)]
    internal static partial int ps_end_utt(nint decoder);

    /// <summary>The best hypothesis as a space-separated string owned by the decoder, or 0 if there is none.</summary>
    [LibraryImport(PocketSphinx)]
    internal static partial nint ps_get_hyp(nint decoder, out int bestScore);

    [LibraryImport(PocketSphinx)]
    internal static partial nint ps_seg_iter(nint decoder);

    /// <summary>Advances the iterator; returns 0 (and frees it) at the end.</summary>
    [LibraryImport(PocketSphinx)]
    internal static partial nint ps_seg_next(nint segment);

    /// <summary>Frees an iterator abandoned before its end.</summary>
    [LibraryImport(PocketSphinx)]
    internal static partial void ps_seg_free(nint segment);

    [LibraryImport(PocketSphinx)]
    internal static partial nint ps_seg_word(nint segment);

    [LibraryImport(PocketSphinx)]
    internal static partial void ps_seg_frames(nint segment, out int startFrame, out int endFrame);

    /// <summary>The word's log posterior probability (in the decoder's log base).</summary>
    [LibraryImport(PocketSphinx)]
    internal static partial int ps_seg_prob(nint segment, out int acousticScore, out int languageScore, out int languageBackoff);

    [LibraryImport(PocketSphinx)]
    internal static partial nint ps_get_logmath(nint decoder);

    [LibraryImport(SphinxBase)]
    internal static partial double logmath_exp(nint logmath, int logValue);

    /// <summary>
    /// Adds a word to the decoder's dictionary (phones are the acoustic model's, space-separated). With
    /// <paramref name="update"/> = 0 the searches are not rebuilt; a search created afterwards sees the word. Returns
    /// the word id, or -1 (for one, when the word is already there).
    /// </summary>
    [LibraryImport(PocketSphinx, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ps_add_word(nint decoder, string word, string phones, int update);

    /// <summary>The word's pronunciation (free it with <see cref="ckd_free"/>), or 0 if the dictionary lacks it.</summary>
    [LibraryImport(PocketSphinx, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint ps_lookup_word(nint decoder, string word);

    /// <summary>The language model (set) of the named n-gram search; "_default" is the one from "-lm". Not retained.</summary>
    [LibraryImport(PocketSphinx, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint ps_get_lm(nint decoder, string name);

    /// <summary>Creates (or replaces) the named n-gram search over <paramref name="languageModel"/>, which it retains.</summary>
    [LibraryImport(PocketSphinx, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ps_set_lm(nint decoder, string name, nint languageModel);

    /// <summary>Makes the named search the one the next utterance uses.</summary>
    [LibraryImport(PocketSphinx, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ps_set_search(nint decoder, string name);

    [LibraryImport(PocketSphinx)]
    internal static partial nint ps_get_config(nint decoder);

    [LibraryImport(SphinxBase)]
    internal static partial void ckd_free(nint pointer);

    /// <summary>NGRAM_ARPA in <c>ngram_file_type_t</c>.</summary>
    internal const int NgramArpa = 1;

    [LibraryImport(SphinxBase, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint ngram_model_read(nint config, string path, int fileType, nint logmath);

    /// <summary>
    /// A model set over <paramref name="models"/> (each retained). With <paramref name="weights"/> the set
    /// interpolates them linearly; the names are copied.
    /// </summary>
    [LibraryImport(SphinxBase)]
    internal static partial nint ngram_model_set_init(nint config, nint[] models, nint[] names, float[] weights, int count);

    /// <summary>Adds one reference; <see cref="ngram_model_set_init"/> takes over its models' references instead.</summary>
    [LibraryImport(SphinxBase)]
    internal static partial nint ngram_model_retain(nint model);

    /// <summary>Releases one reference.</summary>
    [LibraryImport(SphinxBase)]
    internal static partial int ngram_model_free(nint model);

    [LibraryImport(SphinxBase, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ngram_wid(nint model, string word);

    [LibraryImport(SphinxBase)]
    internal static partial int ngram_unknown_wid(nint model);

    /// <summary>Where the library logs (a <c>FILE*</c>); 0 turns its logging off for the whole process.</summary>
    [LibraryImport(SphinxBase)]
    internal static partial void err_set_logfp(nint stream);

    /// <summary>Sets an integer (or Boolean: 0/1) option of a configuration the decoder already holds.</summary>
    [LibraryImport(SphinxBase, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void cmd_ln_set_int_r(nint config, string name, nint value);

    /// <summary>Adds a search named <paramref name="name"/> that decodes phones under a phone n-gram model (language identification).</summary>
    [LibraryImport(PocketSphinx, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ps_set_allphone_file(nint decoder, string name, string path);

    /// <summary>The name of the search the decoder starts with (the word n-gram search).</summary>
    [LibraryImport(PocketSphinx)]
    internal static partial nint ps_get_search(nint decoder);
}
