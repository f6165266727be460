using Verbatim.Bench.Diarization;
using WebApp.Tests.Transcription.Diarization;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Diarization;

namespace Verbatim.Bench;

/// <summary>
/// Speaker diarization on the held-out part of the evaluation set (<see cref="DiarizationCase.Set"/>): voices and
/// sentences the diarizer was never tuned on. With <c>--tuning</c>, the tuning part instead (the only part settings may
/// be chosen on); with <c>--tuning-wide</c>, 64 more files of the tuning part. Prints, per file length, how often the speaker count comes out exactly right, DER with the count left
/// to the diarizer and given as <c>speakers_expected</c>, and CPU time per second of audio.
/// </summary>
internal sealed class DiarizationBench : IBenchSection
{
    /// <summary>Set by <c>--tuning</c>: score the tuning part rather than the held-out part.</summary>
    public static bool Tuning { get; set; }

    /// <summary>
    /// Set by <c>--tuning-wide</c>: score the extra tuning files (<see cref="DiarizationCase.WideTuning"/>), apart from
    /// the standard ones (which run too when <c>--tuning</c> is also given). Never the held-out part.
    /// </summary>
    public static bool TuningWide { get; set; }

    /// <summary>Set by <c>--longest N</c>: leave out files longer than N minutes (for quick tuning rounds).</summary>
    public static double LongestMinutes { get; set; } = double.MaxValue;

    /// <summary>Where the voices' synthesised clips are kept between runs.</summary>
    private static string CacheDirectory => Environment.GetEnvironmentVariable("VERBATIM_BENCH_DATA") is { Length: > 0 } data
        ? Path.Combine(data, "diarization")
        : Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".bench-data", "diarization");

    public string Name => "diarization";

    public string Description => "speaker diarization: count right, DER without and with speakers_expected, CPU cost (held-out voices and script)";

    public async Task RunAsync(BenchContext context)
    {
        var diarizer = new SpeakerDiarizer(DiarizerSettingsOverride.Apply(DiarizerSettings.Default));
        Console.WriteLine($" DER = (missed + false alarm + confusion) / reference speech, best one-to-one speaker mapping, {DiarizationErrorRate.StandardCollarMs} ms collar.");
        Console.WriteLine(" cost = CPU seconds of the diarizer per second of audio. Figures taken while the machine is busy (see load) are not idle figures.");
        if (Tuning || !TuningWide)
        {
            var part = Tuning ? SetPart.Tuning : SetPart.HeldOut;
            await RunCasesAsync(context, diarizer, Tuning ? "TUNING part" : "HELD-OUT part", DiarizationCase.Set(part));
        }

        if (TuningWide)
        {
            await RunCasesAsync(context, diarizer, "WIDE TUNING files (extra seeds of the tuning part, reported apart from the standard files)", DiarizationCase.WideTuning());
        }
    }

    private static async Task RunCasesAsync(BenchContext context, SpeakerDiarizer diarizer, string title, IEnumerable<DiarizationCase> set)
    {
        var cases = set.Where(c => c.Minutes <= LongestMinutes).ToArray();
        var part = cases[0].Part;
        Console.WriteLine($" {title}: {cases.Length} files; voices {string.Join(", ", BenchVoice.All.Where(v => v.Part == part))}");
        Console.WriteLine($" load average at start: {LoadAverage()}");
        var groups = new Dictionary<string, DiarizationTotals>();
        foreach (var @case in cases)
        {
            var path = context.Scratch.File($"diarization-{@case.Seed}.wav");
            var (reference, voices) = @case.Build(CacheDirectory, path);
            using var audio = await new AudioDecoder().DecodeAsync(path, CancellationToken.None);
            File.Delete(path);

            var found = Score(diarizer, audio, reference, SpeakerCountHint.None);
            var given = Score(diarizer, audio, reference, new SpeakerCountHint(Exact: voices.Count));
            var bucket = @case.Minutes >= 60 ? "60-minute file" : @case.Minutes <= 1 ? "1-minute files" : $"{@case.Minutes:0}-minute files";
            foreach (var key in new[] { bucket, @case.Minutes >= 60 ? "" : "all files of 1–30 minutes" }.Where(key => key.Length > 0))
            {
                (groups.TryGetValue(key, out var totals) ? totals : groups[key] = new DiarizationTotals()).Add(found, given, audio.DurationSeconds);
            }

            Console.WriteLine($"  {@case.Name}: found {found.Speakers}, DER {found.Score.Rate:P1} / given {given.Score.Rate:P1}, cost {found.CpuSeconds / audio.DurationSeconds:F3}×  [{string.Join(", ", voices)}]");
        }

        Console.WriteLine($" load average at end: {LoadAverage()}");
        Console.WriteLine($" {title}:");
        foreach (var (label, totals) in groups.OrderBy(pair => pair.Key.StartsWith("all", StringComparison.Ordinal)).ThenBy(pair => pair.Key.Length).ThenBy(pair => pair.Key, StringComparer.Ordinal))
        {
            totals.Print(label);
        }
    }

    private static DiarizationRun Score(SpeakerDiarizer diarizer, DecodedAudio audio, IReadOnlyList<SpeakerTurn> reference, SpeakerCountHint hint)
    {
        var clock = CpuClock.Start();
        var turns = diarizer.Diarize(audio, hint);
        var seconds = clock.Seconds;
        var speakers = turns.Select(turn => turn.Speaker).Distinct().Count();
        return new DiarizationRun(DiarizationErrorRate.Measure(reference, turns), speakers, speakers == reference.Select(turn => turn.Speaker).Distinct().Count(), seconds);
    }

    private static string LoadAverage() => string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}

internal sealed record DiarizationRun(DiarizationErrorRate Score, int Speakers, bool CountRight, double CpuSeconds);

/// <summary>DER pooled over files (weighted by speech), counts right and CPU cost, for the count found and given.</summary>
internal sealed class DiarizationTotals
{
    private DiarizationErrorRate found = DiarizationErrorRate.Zero;
    private DiarizationErrorRate given = DiarizationErrorRate.Zero;
    private readonly List<double> fileRates = [];
    private int countsRight;
    private int files;
    private double cpuSeconds;
    private double audioSeconds;

    public void Add(DiarizationRun withoutHint, DiarizationRun withHint, double durationSeconds)
    {
        found += withoutHint.Score;
        given += withHint.Score;
        fileRates.Add(withoutHint.Score.Rate);
        files++;
        countsRight += withoutHint.CountRight ? 1 : 0;
        cpuSeconds += withoutHint.CpuSeconds;
        audioSeconds += durationSeconds;
    }

    public void Print(string label)
    {
        Console.WriteLine($" {label} ({files}, {audioSeconds / 60:F0} min):");
        BenchContext.Row("  speaker count exactly right", $"{countsRight}/{files} ({(double)countsRight / files:P0})");
        BenchContext.Row("  DER without a hint", $"{found}; median file {fileRates.Order().ElementAt(fileRates.Count / 2):P1}");
        BenchContext.Row("  DER with speakers_expected", given.ToString());
        BenchContext.Row("  cost (CPU × real time, no hint)", $"{cpuSeconds / audioSeconds:F3}");
    }
}
