using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using WebApp.Tests;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;
using WebApp.Transcription.Engines.PocketSphinx.Keyterms;

namespace Verbatim.Bench;

/// <summary>
/// keyterms_prompt: flite sentences with words the English model lacks or rarely expects (product names, surnames),
/// and sentences without them, recognised with and without the terms. Term recall, WER, and term words put into the
/// sentences that do not have them. <c>VERBATIM_KEYTERM_WEIGHTS=0.01,0.05</c> compares interpolation weights.
/// </summary>
internal sealed class KeytermBench : IBenchSection
{
    private const string ModelDirectory = "/usr/share/pocketsphinx/model/en-us";

    /// <summary>The keyterms_prompt: the terms the sentences say, and as many that none of them says.</summary>
    private static readonly string[] Terms =
    [
        "Kubernetes", "Okonkwo", "Zyrtec", "Verbatim", "Postgres", "Thoughtworks", "Ozempic", "Grafana", "Terraform",
        "Kafka", "Chiamaka Okonkwo", "Humira", "Xeljanz", "Nginx", "Moderna", "Siobhan Dwyer", "Anthropic", "Datadog",
        "Jupyter notebook", "Wellbutrin XL",
    ];

    private static readonly string[] WithTerms =
    [
        "we deployed the new service on kubernetes last week",
        "doctor okonkwo will see you in the morning",
        "take one zyrtec tablet before you go to bed",
        "the verbatim server transcribes every meeting",
        "our postgres database needs more memory",
        "she works at thoughtworks in chicago",
        "the patient was prescribed ozempic for diabetes",
        "grafana shows the latency of each request",
        "we moved the pipeline to terraform and kafka",
        "chiamaka okonkwo joined the team in june",
    ];

    private static readonly string[] WithoutTerms =
    [
        "we will go to the park in the afternoon and play football with our friends",
        "the weather was cold and windy all day",
        "please send me the report by friday",
        "the children read a story before dinner",
        "my brother bought a new car last month",
        "the meeting starts at nine in the morning",
        "he forgot his keys at the office again",
        "turn left at the church and walk two blocks",
        "the doctor said i should drink more water",
        "we need more chairs for the conference room",
    ];

    private static readonly string[] Voices = ["kal16", "slt", "rms", "awb"];

    public string Name => "keyterms";

    public string Description => "keyterms_prompt: term recall and WER with and without the terms";

    public async Task RunAsync(BenchContext context)
    {
        var weights = (Environment.GetEnvironmentVariable("VERBATIM_KEYTERM_WEIGHTS") ?? PocketSphinxEngine.KeytermWeight.ToString(CultureInfo.InvariantCulture))
            .Split(',').Select(w => double.Parse(w, CultureInfo.InvariantCulture)).ToArray();
        var folder = Directory.CreateTempSubdirectory("verbatim-bench-keyterms-").FullName;
        var audio = new AudioDecoder();
        var clips = new List<(string Text, bool HasTerms, short[] Samples)>();
        foreach (var voice in Environment.GetEnvironmentVariable("VERBATIM_BENCH_VOICES")?.Split(',') ?? Voices)
        {
            foreach (var (text, hasTerms) in WithTerms.Select(t => (t, true)).Concat(WithoutTerms.Select(t => (t, false))))
            {
                var path = TestAudio.Flite(text, Path.Combine(folder, $"{clips.Count}.wav"), voice);
                using var decoded = await audio.DecodeAsync(path, CancellationToken.None);
                clips.Add((text, hasTerms, decoded.ReadSamples(0, (int)decoded.SampleCount)));
            }
        }

        BenchContext.Row("sentences", $"{clips.Count} ({WithTerms.Length} with terms + {WithoutTerms.Length} without, each in {clips.Count / (WithTerms.Length + WithoutTerms.Length)} flite voices); {Terms.Length} terms in the prompt");
        var termWords = KeytermVocabulary.Split(Terms).SelectMany(p => p).Select(w => w.Text).ToHashSet();
        var vocabulary = await new KeytermPronouncer(ModelDirectory, NullLogger<KeytermPronouncer>.Instance).PronounceAsync(Terms, CancellationToken.None)
            ?? throw new InvalidOperationException("no vocabulary");

        using var pool = new DecoderPool(ModelDirectory, Environment.ProcessorCount);
        if (Environment.GetEnvironmentVariable("VERBATIM_BENCH_SKIP_BASELINE") != "1")
        {
            Report("without keyterms", await RecogniseAsync(clips, (samples, token) => pool.RunAsync(d => d.Recognize(samples), token)), clips, termWords);
        }

        foreach (var weight in weights)
        {
            using var session = pool.OpenKeytermSession(vocabulary, weight);
            Report($"keyterms, weight {weight}", await RecogniseAsync(clips, (samples, token) => session.RunAsync(d => d.Recognize(samples), token)), clips, termWords);
        }

        Directory.Delete(folder, recursive: true);
    }

    private static async Task<string[]> RecogniseAsync(
        List<(string Text, bool HasTerms, short[] Samples)> clips,
        Func<short[], CancellationToken, Task<IReadOnlyList<RecognizedWord>>> recognise)
    {
        var hypotheses = new string[clips.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, clips.Count), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (i, token) =>
        {
            var words = await recognise(clips[i].Samples, token);
            hypotheses[i] = string.Join(' ', words.Select(w => w.Text.ToLowerInvariant()));
        });
        return hypotheses;
    }

    private static void Report(string label, string[] hypotheses, List<(string Text, bool HasTerms, short[] Samples)> clips, HashSet<string> termWords)
    {
        int termsSaid = 0, termsFound = 0, errorsWith = 0, wordsWith = 0, errorsWithout = 0, wordsWithout = 0, inserted = 0;
        for (var i = 0; i < clips.Count; i++)
        {
            var reference = WordErrorRate.Words(clips[i].Text);
            var hypothesis = WordErrorRate.Words(hypotheses[i]);
            var wer = WordErrorRate.Measure(clips[i].Text, hypotheses[i]);
            if (clips[i].HasTerms)
            {
                errorsWith += wer.Errors;
                wordsWith += wer.ReferenceWords;
                var said = reference.Where(termWords.Contains).ToList();
                termsSaid += said.Count;
                termsFound += said.Count(w => hypothesis.Contains(w));
            }
            else
            {
                errorsWithout += wer.Errors;
                wordsWithout += wer.ReferenceWords;
                inserted += hypothesis.Count(termWords.Contains);
            }

            if (Environment.GetEnvironmentVariable("VERBATIM_BENCH_VERBOSE") == "1")
            {
                Console.WriteLine($"    {label,-24} {clips[i].Text} => {hypotheses[i]}");
            }
        }

        BenchContext.Row(label, string.Create(CultureInfo.InvariantCulture,
            $"term recall {termsFound}/{termsSaid} ({(double)termsFound / termsSaid:P0}), WER with terms {(double)errorsWith / wordsWith:P1}, WER without {(double)errorsWithout / wordsWithout:P1}, term words inserted into sentences without them: {inserted}"));
    }
}
