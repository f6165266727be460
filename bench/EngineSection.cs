using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;
using WebApp.Transcription.Engines.PocketSphinx.Keyterms;

namespace Verbatim.Bench;

/// <summary>
/// pocketsphinx as it is usually run (one decoder, the whole file as one utterance) against Verbatim's engine
/// (ffmpeg, split at pauses, one decoder per core), on the same recording: time, real-time factor, accuracy, memory.
/// </summary>
internal sealed class EngineSection : IBenchSection
{
    private const string ModelDirectory = "/usr/share/pocketsphinx/model/en-us";

    public string Name => "engine";

    public string Description => "raw pocketsphinx on the whole file vs the Verbatim engine (split + parallel)";

    public async Task RunAsync(BenchContext context)
    {
        var recording = context.Recording;
        BenchContext.Row("recording", $"{recording.DurationSeconds:F0} s, {recording.Parts.Count} clips, {WebApp.Tests.WordErrorRate.Words(recording.Transcript).Length} words");
        // The engine first, while the process is fresh: memory the C heap keeps after the 10-minute utterance would
        // otherwise count against the engine's peak.
        await EngineAsync(recording);
        await WholeFileAsync(recording);
    }

    private static async Task WholeFileAsync(TranscribedRecording recording)
    {
        Console.WriteLine(" raw pocketsphinx, whole file as one utterance, one decoder:");
        var separatePeaks = PeakMemory.Reset();
        short[] samples;
        using (var audio = await new AudioDecoder().DecodeAsync(recording.Path, CancellationToken.None))
        {
            samples = audio.ReadSamples(0, (int)audio.SampleCount);
        }

        var clock = Stopwatch.StartNew();
        using var decoder = new PocketSphinxDecoder(ModelDirectory);
        var loadSeconds = clock.Elapsed.TotalSeconds;
        var cpu = CpuClock.Start();
        clock.Restart();
        var words = decoder.Recognize(samples);
        var seconds = clock.Elapsed.TotalSeconds;

        BenchContext.Row("model load", $"{loadSeconds:F1} s");
        BenchContext.Row("recognition", $"{seconds:F1} s (CPU {cpu.Seconds:F1} s)");
        BenchContext.Row("real-time factor", $"{seconds / recording.DurationSeconds:F3}");
        BenchContext.Row("WER", RecordingScore.Describe(recording, words));
        BenchContext.Row(separatePeaks ? "peak RSS (this phase)" : "peak RSS (process so far)", PeakMemory.Describe());
    }

    private static async Task EngineAsync(TranscribedRecording recording)
    {
        var separatePeaks = PeakMemory.Reset();
        using var pool = new DecoderPool(ModelDirectory, Environment.ProcessorCount);
        var decoder = new AudioDecoder();
        var segmenter = new SpeechSegmenter();
        var engine = new PocketSphinxEngine(decoder, segmenter, pool, new KeytermPronouncer(ModelDirectory, NullLogger<KeytermPronouncer>.Instance), NullLogger<PocketSphinxEngine>.Instance);
        using (var audio = await decoder.DecodeAsync(recording.Path, CancellationToken.None))
        {
            var segments = segmenter.Split(audio);
            Console.WriteLine($" Verbatim engine: ffmpeg, split at pauses into {segments.Count} segments " +
                $"({segments.Min(segment => segment.SampleCount) / 16000.0:F1}–{segments.Max(segment => segment.SampleCount) / 16000.0:F1} s), {pool.Size} decoders in parallel:");
        }

        foreach (var run in new[] { "first job (loads the decoders)", "next job (decoders loaded)" })
        {
            var cpu = CpuClock.Start();
            var clock = Stopwatch.StartNew();
            var result = await engine.TranscribeAsync(recording.Path, null, CancellationToken.None);
            var seconds = clock.Elapsed.TotalSeconds;
            BenchContext.Row(run, $"{seconds:F1} s (CPU {cpu.Seconds:F1} s), real-time factor {seconds / recording.DurationSeconds:F3}");
            BenchContext.Row("  WER", RecordingScore.Describe(recording, result.Words));
        }

        BenchContext.Row(separatePeaks ? "peak RSS (this phase)" : "peak RSS (process so far)", PeakMemory.Describe());
    }
}
