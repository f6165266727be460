using System.Runtime.InteropServices;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using static WebApp.Transcription.Engines.PocketSphinx.PocketSphinxNative;

namespace WebApp.Transcription.Engines.PocketSphinx;

/// <summary>
/// A parsed pocketsphinx configuration (<c>cmd_ln_t</c>) and the native argument strings it points into: the
/// configuration's table keys are the caller's strings, so they are freed only after the configuration.
/// </summary>
internal sealed class PocketSphinxConfig : IDisposable
{
    private readonly nint[] arguments;

    private PocketSphinxConfig(nint handle, nint[] arguments)
    {
        Handle = handle;
        this.arguments = arguments;
    }

    public const string DictionaryFileName = "cmudict-en-us.dict";

    public nint Handle { get; }

    /// <param name="dictionaryPath">Replaces the model's cmudict-en-us.dict when given.</param>
    /// <param name="singlePass">Only the forward tree search: the utterance's end adds no second pass that changes words.</param>
    public static PocketSphinxConfig Create(string modelDirectory, string? dictionaryPath = null, bool singlePass = false)
    {
        var acousticModel = Path.Combine(modelDirectory, "en-us");
        var languageModel = Path.Combine(modelDirectory, "en-us.lm.bin");
        var dictionary = dictionaryPath ?? Path.Combine(modelDirectory, DictionaryFileName);

        // pocketsphinx calls exit() on some missing files, which would take the whole server down.
        if (!Directory.Exists(acousticModel) || !File.Exists(languageModel) || !File.Exists(dictionary))
        {
            throw new InvalidOperationException(
                $"The pocketsphinx model in '{modelDirectory}' is incomplete: it needs en-us/, en-us.lm.bin and " +
                "cmudict-en-us.dict (Debian package pocketsphinx-en-us).");
        }

        string[] pairs =
        [
            "-hmm", acousticModel,
            "-lm", languageModel,
            "-dict", dictionary,
            // Its voice activity detection drops silent frames before counting them, which shifts every timestamp
            // after a pause (a word 3.2 s in was reported at 1.2 s).
            "-remove_silence", "no",
            // At most 5000 active HMMs per frame instead of 30000: the search's cost falls and the best paths survive.
            // On the bench's 3-minute recording (477 words, one run, decoders loaded): CPU 58.1 s -> 34.9 s, WER 20.1%
            // -> 19.9%; 3000 saved a little more but lost words (20.8% there, 20.5% against 20.1% on the 10-minute
            // recording). "-topn 2" and "-ds 2" saved as much CPU but cost 1.5–2.5 points of WER; "-pl_window 10" saved
            // less. ("-fwdflat no" cut WER by 2–3 points on the bench's five LibriVox clips, but saved no CPU on top of
            // this; an accuracy change to judge on more varied speech than the bench has.)
            // Held out (bench/run.sh beam-heldout: festival's three English voices, 30 new sentences, through
            // pocketsphinx_continuous): 5000 vs 30000 saved no CPU (0.95×) and cost 0.3 points of WER (20.9% vs 20.6%).
            // Synthetic speech keeps fewer paths alive than the real readers it was tuned on, so the cap seldom binds;
            // it is kept for real speech, where the saving was measured, and costs nothing measurable where it does not.
            "-maxhmmpf", "5000",
            .. (singlePass ? (string[])["-fwdflat", "no", "-bestpath", "no"] : []),
        ];
        var arguments = pairs.Select(Marshal.StringToCoTaskMemUTF8).ToArray();
        var handle = cmd_ln_parse_r(0, ps_args(), arguments.Length, arguments, 1);
        if (handle == 0)
        {
            FreeAll(arguments);
            throw new InvalidOperationException("pocketsphinx rejected its configuration.");
        }

        return new PocketSphinxConfig(handle, arguments);
    }

    public void Dispose()
    {
        cmd_ln_free_r(Handle);
        FreeAll(arguments);
    }

    private static void FreeAll(nint[] strings)
    {
        foreach (var pointer in strings)
        {
            Marshal.FreeCoTaskMem(pointer);
        }
    }
}
