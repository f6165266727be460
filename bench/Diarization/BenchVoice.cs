using System.Globalization;
using System.Text;

namespace Verbatim.Bench.Diarization;

internal enum VoiceSex
{
    Male,
    Female,
    Child,
}

internal enum SetPart
{
    Tuning,
    HeldOut,
}

/// <summary>
/// One speaker of the evaluation set. <paramref name="Person"/> names the human behind the voice: flite's kal and
/// festival's kal_diphone are one man, flite's slt and festival's slt HTS one woman, so they never meet in a
/// conversation and always fall in the same part. Recorded voices say their own clips whatever the script.
/// </summary>
internal sealed record BenchVoice(string Id, string Person, VoiceSex Sex, SetPart Part, string Kind)
{
    private const string FestivalKind = "festival";
    private const string FliteKind = "flite";
    private const string EspeakKind = "espeak-ng";
    private const string RecordedKind = "recorded";

    /// <summary>
    /// Split by person: the tuning part never hears a held-out voice. Each part has men and women, a child only in
    /// the held-out part, one real reader each (and a pitch-shifted copy of it as an extra "speaker": sox's resampling
    /// raises or lowers pitch and formants together, like a shorter or longer vocal tract), espeak-ng only as extras.
    /// </summary>
    public static IReadOnlyList<BenchVoice> All { get; } =
    [
        new("flite-kal16", "kal", VoiceSex.Male, SetPart.Tuning, FliteKind),
        new("flite-awb", "awb", VoiceSex.Male, SetPart.Tuning, FliteKind),
        new("festival-ked_diphone", "ked", VoiceSex.Male, SetPart.Tuning, FestivalKind),
        new("festival-czech_machac", "machac", VoiceSex.Male, SetPart.Tuning, FestivalKind),
        new("festival-msu_ru_nsh_clunits", "nsh", VoiceSex.Male, SetPart.Tuning, FestivalKind),
        new("festival-suo_fi_lj_diphone", "lj", VoiceSex.Female, SetPart.Tuning, FestivalKind),
        new("festival-lp_diphone", "lp", VoiceSex.Female, SetPart.Tuning, FestivalKind),
        new("festival-kal_diphone", "kal", VoiceSex.Male, SetPart.Tuning, FestivalKind),
        new("recorded-librivox", "librivox", VoiceSex.Male, SetPart.Tuning, RecordedKind),
        new("recorded-librivox-x0.8", "librivox-low", VoiceSex.Male, SetPart.Tuning, RecordedKind),
        new("espeak-ng-en-us+f2", "espeak-f2", VoiceSex.Female, SetPart.Tuning, EspeakKind),
        new("espeak-ng-en-gb+m1", "espeak-m1", VoiceSex.Male, SetPart.Tuning, EspeakKind),

        new("flite-rms", "rms", VoiceSex.Male, SetPart.HeldOut, FliteKind),
        new("flite-slt", "slt", VoiceSex.Female, SetPart.HeldOut, FliteKind),
        new("festival-cmu_us_slt_arctic_hts", "slt", VoiceSex.Female, SetPart.HeldOut, FestivalKind),
        new("festival-czech_ph", "ph", VoiceSex.Male, SetPart.HeldOut, FestivalKind),
        new("festival-czech_dita", "dita", VoiceSex.Female, SetPart.HeldOut, FestivalKind),
        new("festival-czech_krb", "krb", VoiceSex.Child, SetPart.HeldOut, FestivalKind),
        new("festival-hy_fi_mv_diphone", "mv", VoiceSex.Male, SetPart.HeldOut, FestivalKind),
        new("festival-pc_diphone", "pc", VoiceSex.Male, SetPart.HeldOut, FestivalKind),
        new("festival-upc_ca_ona_hts", "ona", VoiceSex.Female, SetPart.HeldOut, FestivalKind),
        new("recorded-cards", "cards", VoiceSex.Male, SetPart.HeldOut, RecordedKind),
        new("recorded-cards-x1.25", "cards-high", VoiceSex.Male, SetPart.HeldOut, RecordedKind),
        new("espeak-ng-en-us+m3", "espeak-m3", VoiceSex.Male, SetPart.HeldOut, EspeakKind),
        new("espeak-ng-en-us+f4", "espeak-f4", VoiceSex.Female, SetPart.HeldOut, EspeakKind),
    ];

    public bool IsRecorded => Kind == RecordedKind;

    public bool IsExtra => Kind == EspeakKind;

    private string Engine => Id[(Kind.Length + 1)..];

    public override string ToString() => Id;

    /// <summary>
    /// The voice's clips (16 kHz mono s16le, silence trimmed), synthesised on first use and kept under
    /// <paramref name="cacheDirectory"/>: long ones (a sentence, or a recorded clip) and short ones (a 1–2 s line).
    /// </summary>
    public (short[][] Long, short[][] Short) Clips(string cacheDirectory, DiarizationScript script)
    {
        var directory = Path.Combine(cacheDirectory, "voices", IsRecorded ? Id : $"{Id}-{script.Name}");
        var done = Path.Combine(directory, "done");
        if (!File.Exists(done))
        {
            Directory.CreateDirectory(directory);
            Synthesise(directory, script);
            File.WriteAllText(done, "");
        }

        short[][] Read(string prefix) => Directory.GetFiles(directory, prefix + "-*.raw").Order(StringComparer.Ordinal)
            .Select(file => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, short>(File.ReadAllBytes(file)).ToArray())
            .Where(samples => samples.Length > 1600).ToArray();
        return (Read("long"), Read("short"));
    }

    private void Synthesise(string directory, DiarizationScript script)
    {
        if (IsRecorded)
        {
            var (clips, filter) = Engine switch
            {
                "librivox" => (Directory.GetFiles("/usr/share/pocketsphinx/test/data/librivox", "*.wav"), ""),
                "librivox-x0.8" => (Directory.GetFiles("/usr/share/pocketsphinx/test/data/librivox", "*.wav"), "asetrate=12800,aresample=16000,"),
                "cards" => (Directory.GetFiles("/usr/share/pocketsphinx/test/data/cards", "*.wav"), ""),
                "cards-x1.25" => (Directory.GetFiles("/usr/share/pocketsphinx/test/data/cards", "*.wav"), "asetrate=20000,aresample=16000,"),
                _ => throw new InvalidOperationException(Id),
            };
            foreach (var (clip, index) in clips.Order(StringComparer.Ordinal).Select((clip, index) => (clip, index)))
            {
                Trim(clip, Path.Combine(directory, $"long-{index:00}.raw"), filter);
                Trim(clip, Path.Combine(directory, $"short-{index:00}.raw"), filter + "atrim=0:1.6,");
            }

            return;
        }

        var lines = script.Sentences.Select((text, index) => (Name: $"long-{index:00}", Text: text))
            .Concat(script.ShortLines.Select((text, index) => (Name: $"short-{index:00}", Text: text))).ToArray();
        if (Kind == FestivalKind)
        {
            // One festival process for all the lines: loading a voice takes seconds, a sentence a fraction of one.
            var program = new StringBuilder($"(voice_{Engine})\n");
            foreach (var (name, text) in lines)
            {
                program.Append(CultureInfo.InvariantCulture, $"(utt.save.wave (utt.synth (Utterance Text \"{text.Replace("\"", "")}\")) \"{Path.Combine(directory, name)}.wav\" 'riff)\n");
            }

            var scheme = Path.Combine(directory, "lines.scm");
            File.WriteAllText(scheme, program.ToString());
            BenchProcess.Run("festival", "-b", scheme);
        }

        foreach (var (name, text) in lines)
        {
            var wav = Path.Combine(directory, name + ".wav");
            if (Kind == FliteKind)
            {
                BenchProcess.Run("flite", "-voice", Engine, "-t", text, "-o", wav);
            }
            else if (Kind == EspeakKind)
            {
                BenchProcess.Run("espeak-ng", "-v", Engine, "-s", "160", "-w", wav, text);
            }

            Trim(wav, Path.Combine(directory, name + ".raw"), "");
            File.Delete(wav);
        }
    }

    /// <summary>Leading and trailing silence removed, so a reference turn is exactly the speech.</summary>
    private static void Trim(string input, string output, string filter)
    {
        const string trimStart = "silenceremove=start_periods=1:start_threshold=-50dB:start_silence=0.02";
        BenchProcess.Run("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", input,
            "-af", $"{filter}{trimStart},areverse,{trimStart},areverse", "-ar", "16000", "-ac", "1", "-f", "s16le", output);
    }
}
