using System.Diagnostics;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines.PocketSphinx;

namespace Verbatim.Bench;

/// <summary>
/// Where the engine's time goes: the steps of <see cref="PocketSphinxEngine"/> (decode, split, recognise the segments
/// on the pool) done one by one and timed, on decoders already loaded.
/// </summary>
internal static class EngineBreakdown
{
    public static async Task DescribeAsync(string modelDirectory, TranscribedRecording recording, AudioDecoder audioDecoder, SpeechSegmenter segmenter, DecoderPool pool)
    {
        Console.WriteLine(" where the engine's time goes (its steps one by one, decoders loaded):");
        var clock = Stopwatch.StartNew();
        new PocketSphinxDecoder(modelDirectory).Dispose();
        BenchContext.Row("load one decoder", $"{clock.Elapsed.TotalSeconds:F2} s");

        clock.Restart();
        using var audio = await audioDecoder.DecodeAsync(recording.Path, CancellationToken.None);
        BenchContext.Row("ffmpeg to PCM spool", $"{clock.Elapsed.TotalSeconds:F2} s");

        clock.Restart();
        var segments = segmenter.Split(audio);
        BenchContext.Row("split at pauses", $"{clock.Elapsed.TotalSeconds:F2} s");

        var lengths = segments.Select(segment => segment.SampleCount / (double)DecodedAudio.SampleRate).Order().ToArray();
        BenchContext.Row("segments", $"{segments.Count}, {lengths[0]:F1}–{lengths[^1]:F1} s (median {lengths[lengths.Length / 2]:F1} s), " +
            $"{lengths.Sum():F0} s of {audio.DurationSeconds:F0} s");

        var busy = new double[segments.Count];
        var started = new double[segments.Count];
        clock.Restart();
        await Parallel.ForEachAsync(Enumerable.Range(0, segments.Count), new ParallelOptions { MaxDegreeOfParallelism = pool.Size }, async (index, token) =>
        {
            var samples = audio.ReadSamples(segments[index].StartSample, segments[index].SampleCount);
            started[index] = clock.Elapsed.TotalSeconds;
            busy[index] = await pool.RunAsync(decoder =>
            {
                var own = Stopwatch.StartNew();
                decoder.Recognize(samples);
                return own.Elapsed.TotalSeconds;
            }, token);
        });
        var wall = clock.Elapsed.TotalSeconds;
        var slowest = busy.Select((seconds, index) => seconds * DecodedAudio.SampleRate / segments[index].SampleCount).Max();
        BenchContext.Row("recognition", $"{wall:F1} s on {pool.Size} decoders; busy {busy.Sum():F1} s " +
            $"(per decoder {busy.Sum() / lengths.Sum():F3} s per audio second, slowest segment {slowest:F3})");
        BenchContext.Row("  decoders idle", $"{pool.Size * wall - busy.Sum():F1} decoder-seconds, " +
            $"{wall - started.Max():F1} s after the last segment started");

        // The same measured segment times, handed out in two orders: the tail is what the last segments leave idle.
        var fileOrder = Enumerable.Range(0, segments.Count);
        var longestFirst = fileOrder.OrderByDescending(index => segments[index].SampleCount);
        BenchContext.Row("  schedule (from these times)", $"in file order {Makespan(busy, fileOrder, pool.Size):F1} s, " +
            $"longest first {Makespan(busy, longestFirst, pool.Size):F1} s, perfect split {busy.Sum() / pool.Size:F1} s");
    }

    /// <summary>When the last of the segments would finish with <paramref name="decoders"/> taking them in this order.</summary>
    private static double Makespan(double[] seconds, IEnumerable<int> order, int decoders)
    {
        var freeAt = new double[decoders];
        foreach (var index in order)
        {
            var first = Array.IndexOf(freeAt, freeAt.Min());
            freeAt[first] += seconds[index];
        }

        return freeAt.Max();
    }
}
