using WebApp.Streaming;
using WebApp.Transcription.Engines.PocketSphinx;
using WebApp.Transcription.Engines.PocketSphinx.Keyterms;

namespace Verbatim.Bench;

/// <summary>
/// Where the partial-word latency tail comes from, free of the machine's load: the LibriVox clips go through one live
/// transcriber as fast as it takes them, and each word's latency is counted in audio time (how much audio had been
/// pushed when the word first showed, minus where it ends). Words are split by how they first showed: in a partial
/// Turn, or only in the turn's final.
/// </summary>
internal sealed class StreamingTailBench : IBenchSection
{
    private const string ModelDirectory = "/usr/share/pocketsphinx/model/en-us";

    public string Name => "streaming-tail";

    public string Description => "live /v3 decoding: partial-word latency in audio time, and which words only show in the final";

    public async Task RunAsync(BenchContext context)
    {
        // Tuning part: the LibriVox clips the streaming bench uses. Held out: the cards recordings and flite sentences
        // no test or bench tuned on, in two voices.
        var tuning = (StreamingBench.LoadClips(), Transcript("/usr/share/pocketsphinx/test/data/librivox/transcription"));
        string[] sentences =
        [
            "the committee will meet again on thursday to review the budget for next year",
            "please remember to water the plants while i am away on holiday",
            "the train to edinburgh leaves from platform four at half past nine",
            "she opened the window and listened to the rain falling on the roof",
        ];
        var folder = Directory.CreateTempSubdirectory("verbatim-tail-").FullName;
        var flite = sentences.Select((text, i) => WebApp.Tests.TestAudio.Convert(
            WebApp.Tests.TestAudio.Flite(text, Path.Combine(folder, $"{i}.wav"), i % 2 == 0 ? "kal16" : "slt"), Path.Combine(folder, $"{i}-16k.wav"),
            "-ar", "16000", "-ac", "1", "-c:a", "pcm_s16le", "-fflags", "+bitexact", "-map_metadata", "-1")).ToList();
        var heldOut = (StreamingBench.Join([.. Directory.GetFiles("/usr/share/pocketsphinx/test/data/cards", "*.wav").Order(), .. flite]),
            Transcript("/usr/share/pocketsphinx/test/data/cards/cards.transcription") + " " + string.Join(' ', sentences));
        foreach (var (part, (audio, reference)) in new[] { ("tuning (LibriVox)", tuning), ("held out (cards, flite)", heldOut) })
        {
            foreach (var singlePass in new[] { false, true })
            {
                BenchContext.Row($"{part}, live decoder", singlePass ? "forward search only (-fwdflat no -bestpath no)" : "with second passes");
                await MeasureAsync(audio, reference, singlePass);
            }
        }
    }

    /// <summary>A pocketsphinx test transcription file's words, in the order of its utterance ids.</summary>
    private static string Transcript(string path) => string.Join(' ', File.ReadAllLines(path)
        .OrderBy(line => line[line.LastIndexOf('(')..], StringComparer.Ordinal)
        .Select(line => line[..line.LastIndexOf('(')].Replace("<s>", "").Replace("</s>", "").Trim()));

    private static async Task MeasureAsync(short[] audio, string reference, bool singlePass)
    {
        using var decoders = new LiveDecoders(ModelDirectory, new KeytermPronouncer(ModelDirectory,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<KeytermPronouncer>.Instance), warmCount: 1, singlePass: singlePass);
        using var decoder = await decoders.AcquireAsync([], CancellationToken.None);
        var seen = new List<(StreamingWord Word, long AtMs, bool Final)>();
        var finals = new List<TurnMessage>();
        LiveTranscriber? transcriber = null;
        transcriber = new LiveTranscriber(decoder.Decoder, null, new TurnSettings(), 150, message =>
        {
            if (message is TurnMessage turn && !turn.TurnIsFormatted)
            {
                var at = transcriber!.SampleCount / 16;
                seen.AddRange(turn.Words.Select(word => (word, at, turn.EndOfTurn)));
                if (turn.EndOfTurn)
                {
                    finals.Add(turn);
                }
            }
        });
        for (var offset = 0; offset < audio.Length; offset += 1600)
        {
            transcriber.Push(audio.AsSpan(offset, Math.Min(1600, audio.Length - offset)));
        }

        transcriber.Finish();
        var words = finals.SelectMany(f => f.Words).Select(word =>
        {
            var sightings = seen.Where(s => s.Word.Text == word.Text && Math.Abs(s.Word.Start - word.Start) <= 150).ToList();
            var first = sightings.MinBy(s => s.AtMs);
            var partialAnywhere = seen.Any(s => !s.Final && s.Word.Text == word.Text && Math.Abs(s.Word.Start - word.Start) <= 1000);
            return (Latency: (double)(first.AtMs - word.End), OnlyFinal: first.Final, NearbyPartial: !first.Final || partialAnywhere);
        }).ToList();

        var all = words.Select(w => w.Latency).Order().ToList();
        var inPartials = words.Where(w => !w.OnlyFinal).Select(w => w.Latency).Order().ToList();
        var onlyFinal = words.Where(w => w.OnlyFinal).ToList();
        BenchContext.Row("words in final turns", $"{words.Count} in {finals.Count} turns");
        BenchContext.Row("partial latency, audio time, all words p50 / p95", $"{Pct(all, 0.5):F0} / {Pct(all, 0.95):F0} ms");
        BenchContext.Row("words first shown in a partial", $"{inPartials.Count}: p50 / p95 {Pct(inPartials, 0.5):F0} / {Pct(inPartials, 0.95):F0} ms");
        BenchContext.Row("words shown only in the final", $"{onlyFinal.Count}: p50 / p95 {Pct([.. onlyFinal.Select(w => w.Latency).Order()], 0.5):F0} / {Pct([.. onlyFinal.Select(w => w.Latency).Order()], 0.95):F0} ms");
        BenchContext.Row("… of which a partial had the word within 1 s", $"{onlyFinal.Count(w => w.NearbyPartial)} (the final pass moved it more than 150 ms)");
        var heard = string.Join(' ', finals.Select(f => string.Join(' ', f.Words.Select(w => w.Text))));
        BenchContext.Row("WER of the final turns", $"{WebApp.Tests.WordErrorRate.Measure(reference, heard).Rate:P1}");
    }

    private static double Pct(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
