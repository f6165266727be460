namespace WebApp.Tests.Transcription.Diarization;

/// <summary>
/// One speaker of a made-up conversation: a synthetic voice that says any line, or a real recorded speaker whose
/// clips are used in turn whatever the line. Free of xunit so the benchmark can link it too.
/// </summary>
public sealed class ConversationVoice
{
    private readonly Func<string, bool, int, string, string> record;

    private ConversationVoice(string name, Func<string, bool, int, string, string> record)
    {
        Name = name;
        this.record = record;
    }

    public string Name { get; }

    /// <summary>Real speech: the LibriVox reader (clips of 3–7 s; a short turn is the first 1.5 s of one).</summary>
    public static ConversationVoice LibrivoxReader { get; } = Recorded("librivox reader", LibrivoxClips.All.Select(clip => clip.Path).ToArray());

    /// <summary>Real speech: the speaker of pocketsphinx-testdata's "cards" clips (1.1–3.5 s).</summary>
    public static ConversationVoice CardsSpeaker { get; } = Recorded("cards speaker",
        Enumerable.Range(1, 5).Select(i => $"/usr/share/pocketsphinx/test/data/cards/{i:000}.wav").ToArray());

    /// <summary>espeak-ng, optionally resampled by <paramref name="pitch"/> (raising pitch and formants alike, as a shorter vocal tract would).</summary>
    public static ConversationVoice Espeak(string voice, double pitch = 1.0) =>
        new($"espeak {voice}{(pitch == 1.0 ? "" : $" ×{pitch:0.##}")}", (text, _, _, path) =>
        {
            var raw = TestAudio.Espeak(text, path + ".raw.wav", voice);
            return Trimmed(raw, path, pitch == 1.0 ? null : $"asetrate=22050*{pitch:0.###},aresample=22050");
        });

    /// <summary>flite: kal16, awb, rms or slt.</summary>
    public static ConversationVoice Flite(string voice) =>
        new($"flite {voice}", (text, _, _, path) => Trimmed(TestAudio.Flite(text, path + ".raw.wav", voice), path, null));

    /// <summary>Every voice the machine offers, synthetic and real, each clearly a different person to a listener.</summary>
    public static IReadOnlyList<ConversationVoice> All { get; } =
    [
        Flite("kal16"), Flite("slt"), Flite("rms"), Flite("awb"),
        Espeak("en-us+m3"), Espeak("en-us+f2"), Espeak("en-gb+m1", pitch: 0.9), Espeak("en-us+f4", pitch: 1.1),
        LibrivoxReader, CardsSpeaker,
    ];

    /// <summary>Writes the line as a 16 kHz mono WAV at <paramref name="path"/> with no silence at either end.</summary>
    /// <param name="index">How many lines this voice has said before; recorded voices use it to pick a clip.</param>
    public string Say(string text, bool isShort, int index, string path) => record(text, isShort, index, path);

    public override string ToString() => Name;

    private static ConversationVoice Recorded(string name, string[] clips) =>
        new(name, (_, isShort, index, path) => Trimmed(clips[index % clips.Length], path, isShort ? "atrim=0:1.5" : null));

    /// <summary>Leading and trailing silence removed, so the reference turn is exactly the speech.</summary>
    private static string Trimmed(string input, string output, string? filter)
    {
        const string trimStart = "silenceremove=start_periods=1:start_threshold=-50dB:start_silence=0.02";
        var filters = string.Join(',', new[] { filter, trimStart, "areverse", trimStart, "areverse" }.OfType<string>());
        TestAudio.Convert(input, output, "-af", filters, "-ar", "16000", "-ac", "1", "-c:a", "pcm_s16le");
        if (input.EndsWith(".raw.wav", StringComparison.Ordinal))
        {
            File.Delete(input);
        }

        return output;
    }
}
