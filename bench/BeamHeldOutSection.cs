using WebApp.Tests;

namespace Verbatim.Bench;

/// <summary>
/// The held-out check of the engine's one tuned search setting, <c>-maxhmmpf 5000</c> (PocketSphinxConfig), which was
/// chosen on the engine section's recording (flite's voices and LibriVox): here festival's English voices read
/// sentences that recording never had, decoded by <c>pocketsphinx_continuous</c> with the decoder's default (30000)
/// and with 5000. Same tool, same model, same audio; only the beam setting changes.
/// </summary>
internal sealed class BeamHeldOutSection : IBenchSection
{
    private const string ModelDirectory = "/usr/share/pocketsphinx/model/en-us";

    private static readonly string[] Voices = ["kal_diphone", "ked_diphone", "cmu_us_slt_arctic_hts"];

    private static readonly string[] Sentences =
    [
        "The farmer sold two baskets of pears at the market before noon.",
        "Our neighbours painted their fence green during the long weekend.",
        "A small boat drifted slowly past the harbour wall in the fog.",
        "The museum will open a new gallery of old maps in the spring.",
        "He forgot his umbrella on the bus and got wet walking home.",
        "Every morning she runs three miles along the edge of the park.",
        "The engineers tested the pump twice before they sealed the tank.",
        "Please send the signed contract back to us by the end of the month.",
        "The kitchen smelled of fresh bread and strong black coffee.",
        "Two students asked the teacher to explain the question again.",
        "The storm knocked down several trees on the road to the village.",
        "We watched the sun go down behind the hills from the balcony.",
        "The bakery on the corner closes early on Sunday afternoons.",
        "My brother keeps his bicycle in the shed behind the house.",
        "The pilot told the passengers that the flight would land soon.",
        "A loud knock at the door woke the whole family after midnight.",
        "The council plans to build a new school near the river bank.",
        "She wrote her name at the top of the page and began to read.",
        "The shop sells cheap shoes, warm coats and woollen hats.",
        "They found an old coin buried under the roots of the oak tree.",
        "The nurse checked his pulse and wrote the number on a card.",
        "Our team lost the final match by a single goal last year.",
        "The children fed the ducks with crumbs from their sandwiches.",
        "He promised to repair the broken window before the winter.",
        "The hotel guests complained that the water in the pool was cold.",
        "A quiet voice on the radio read the news at six o'clock.",
        "The workers carried heavy boxes of books up the narrow stairs.",
        "I left my keys on the table next to the front door.",
        "The garden was full of roses, tulips and tall yellow flowers.",
        "The judge listened carefully to both sides of the argument.",
    ];

    public string Name => "beam-heldout";

    public string Description => "held-out check of the engine's -maxhmmpf 5000: festival voices and new sentences, pocketsphinx_continuous at 30000 and 5000";

    public async Task RunAsync(BenchContext context)
    {
        var (path, reference) = Build(context);
        BenchContext.Row("recording", $"{TestAudio.DurationSeconds(path):F0} s, {Sentences.Length} sentences, {WordErrorRate.Words(reference).Length} words, voices {string.Join(", ", Voices)}");
        Console.WriteLine(" CPU time is the tool's own (user + system), so the machine's load changes wall time but hardly these figures.");
        var runs = new List<(string Label, ContinuousRun Run, double Wer)>();
        foreach (var (label, settings) in new (string, string[])[] { ("-maxhmmpf 30000 (default)", []), ("-maxhmmpf 5000 (Verbatim)", ["-maxhmmpf", "5000"]) })
        {
            var run = await PocketSphinxContinuous.RunAsync(ModelDirectory, path, settings);
            var wer = WordErrorRate.Measure(reference, string.Join(' ', run.Words.Select(word => word.Text))).Rate;
            runs.Add((label, run, wer));
            BenchContext.Row(label, $"CPU {run.CpuSeconds:F1} s, WER {wer * 100:F1}%");
        }

        BenchContext.Row("5000 vs 30000", $"{runs[0].Run.CpuSeconds / runs[1].Run.CpuSeconds:F2}× less CPU, WER {(runs[1].Wer - runs[0].Wer) * 100:+0.0;-0.0;0.0} points");
    }

    /// <summary>Each sentence read by the next voice, 0.6 s apart, joined as 16 kHz mono 16-bit WAV (the only input the tool reads).</summary>
    private static (string Path, string Reference) Build(BenchContext context)
    {
        var parts = new List<string>();
        var silence = TestAudio.Silence(0.6, context.Scratch.File("beam-pause.wav"));
        for (var i = 0; i < Sentences.Length; i++)
        {
            var text = context.Scratch.File($"beam-{i}.txt");
            File.WriteAllText(text, Sentences[i]);
            var spoken = context.Scratch.File($"beam-{i}.wav");
            BenchProcess.Run("text2wave", "-eval", $"(voice_{Voices[i % Voices.Length]})", "-o", spoken, text);
            parts.Add(spoken);
            parts.Add(silence);
        }

        return (TestAudio.Concat(context.Scratch.File("beam-heldout.wav"), parts), string.Join(' ', Sentences));
    }
}
