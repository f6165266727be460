using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;
using WebApp.Transcription.Engines.PocketSphinx.Keyterms;

namespace Verbatim.Bench;

/// <summary>
/// pocketsphinx as a user runs it on a file (<c>pocketsphinx_continuous -infile</c>: one decoder, its own voice-activity
/// segmentation) against Verbatim's engine (ffmpeg, split at pauses, one decoder per core), on the same recording and
/// model: time, CPU time, real-time factor, accuracy, memory, and where the engine's time goes.
/// </summary>
internal sealed class EngineSection : IBenchSection
{
    private const string ModelDirectory = "/usr/share/pocketsphinx/model/en-us";

    public string Name => "engine";

    public string Description => "pocketsphinx_continuous on the file vs the Verbatim engine (split + parallel)";

    public async Task RunAsync(BenchContext context)
    {
        var recording = context.Recording;
        BenchContext.Row("recording", $"{recording.DurationSeconds:F0} s, {recording.Parts.Count} clips, {WebApp.Tests.WordErrorRate.Words(recording.Transcript).Length} words");
        // The engine first, while the process is fresh, so the peak RSS is the engine's alone.
        var engine = await EngineAsync(recording);
        var continuous = await ContinuousAsync(recording);

        Console.WriteLine(" comparison (same run, same machine load):");
        var engineWer = WebApp.Tests.WordErrorRate.Measure(recording.Transcript, string.Join(' ', engine.Next.Words.Select(word => word.Text))).Rate;
        var continuousWer = WebApp.Tests.WordErrorRate.Measure(recording.Transcript, string.Join(' ', continuous.Words.Select(word => word.Text))).Rate;
        BenchContext.Row("Verbatim engine vs pocketsphinx_continuous",
            $"{continuous.WallSeconds / engine.Next.Seconds:F1}× faster, WER {engineWer:P1} vs {continuousWer:P1}");
        BenchContext.Row("  with the engine's model load",
            $"{continuous.WallSeconds / engine.First.Seconds:F1}× faster (both load the model: first job vs the tool's whole run)");
        BenchContext.Row("  CPU time", $"{engine.Next.CpuSeconds:F1} s vs {continuous.CpuSeconds:F1} s ({continuous.CpuSeconds / engine.Next.CpuSeconds:F2}×)");
    }

    private sealed record Job(double Seconds, double CpuSeconds, IReadOnlyList<RecognizedWord> Words);

    private sealed record EngineFigures(Job First, Job Next);

    private static async Task<EngineFigures> EngineAsync(TranscribedRecording recording)
    {
        var separatePeaks = PeakMemory.Reset();
        using var pool = new DecoderPool(ModelDirectory, Environment.ProcessorCount);
        var decoder = new AudioDecoder();
        var segmenter = new SpeechSegmenter();
        var engine = new PocketSphinxEngine(decoder, segmenter, pool, new KeytermPronouncer(ModelDirectory, NullLogger<KeytermPronouncer>.Instance), NullLogger<PocketSphinxEngine>.Instance);
        Console.WriteLine($" Verbatim engine: ffmpeg, split at pauses, {pool.Size} decoders in parallel:");

        var jobs = new List<Job>();
        foreach (var run in new[] { "first job (loads the decoders)", "next job (decoders loaded)" })
        {
            var cpu = CpuClock.Start();
            var clock = Stopwatch.StartNew();
            var result = await engine.TranscribeAsync(recording.Path, null, CancellationToken.None);
            var job = new Job(clock.Elapsed.TotalSeconds, cpu.Seconds, result.Words);
            jobs.Add(job);
            BenchContext.Row(run, $"{job.Seconds:F1} s (CPU {job.CpuSeconds:F1} s), real-time factor {job.Seconds / recording.DurationSeconds:F3}");
            BenchContext.Row("  WER", RecordingScore.Describe(recording, result.Words));
        }

        BenchContext.Row(separatePeaks ? "peak RSS (this phase)" : "peak RSS (process so far)", PeakMemory.Describe());
        await EngineBreakdown.DescribeAsync(ModelDirectory, recording, decoder, segmenter, pool);
        return new EngineFigures(jobs[0], jobs[1]);
    }

    private static async Task<ContinuousRun> ContinuousAsync(TranscribedRecording recording)
    {
        // BenchRecording writes 16 kHz mono 16-bit WAV, the only input the tool reads, so there is nothing to convert.
        Console.WriteLine(" pocketsphinx_continuous -infile, its own voice-activity segmentation, one decoder (model load included):");
        var run = await PocketSphinxContinuous.RunAsync(ModelDirectory, recording.Path);
        BenchContext.Row("whole run", $"{run.WallSeconds:F1} s (CPU {run.CpuSeconds:F1} s), real-time factor {run.WallSeconds / recording.DurationSeconds:F3}");
        // Its voice-activity detection leaves silence out of the frame count, so its word times drift early and the
        // per-source split of the errors, which goes by time, is only approximate.
        BenchContext.Row("  WER", RecordingScore.Describe(recording, run.Words));
        BenchContext.Row("peak RSS (the child process)", $"{run.PeakRssMegabytes:F0} MB");
        return run;
    }
}
