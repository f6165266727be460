using System.Collections.Concurrent;
using System.Diagnostics;
using WebApp.Streaming;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;

namespace Verbatim.Bench;

/// <summary>
/// Real-time streaming, in process (the WebSocket is left out): streams the five LibriVox clips of pocketsphinx-testdata,
/// one second of silence after each, into live decoders at real-time pace, 100 ms at a time, as /v3/ws sessions do.
/// Measures how long after a word ends in the audio it first shows (partial-word latency), how long after speech
/// stops a turn's final arrives, and how many streams at once the machine keeps up with.
/// </summary>
internal sealed class StreamingBench : IBenchSection
{
    private const string ModelDirectory = "/usr/share/pocketsphinx/model/en-us";
    private const string Clips = "/usr/share/pocketsphinx/test/data/librivox";
    private const int ChunkMs = 100;

    /// <summary>A stream falls behind when its decoder has more than this much audio waiting.</summary>
    private const double BehindSeconds = 1.0;

    public string Name => "streaming";

    public string Description => "live /v3 decoding: partial-word and final-turn latency, concurrent real-time streams";

    public async Task RunAsync(BenchContext context)
    {
        var audio = LoadClips();
        BenchContext.Row("audio per stream", $"{audio.Length / 16000.0:F1} s (5 LibriVox clips, 1 s pauses)");
        BenchContext.Row("load average at start", LoadAverage() + " (figures taken on a busy machine are not the idle figures)");
        await SweepAsync("no batch jobs", audio, [1, 2, 4, 6, 8], batchNiceness: null);
        // The same streams while a queue of batch jobs keeps the batch decoders busy: first with batch and live on
        // equal terms, then with batch threads reniced while live sessions decode (Verbatim:Streaming:BatchNiceness).
        await SweepAsync("batch queue, batch not yielding", audio, [1, 2, 4, 6], batchNiceness: 0);
        await SweepAsync("batch queue, batch at nice +10", audio, [1, 2, 4, 6], batchNiceness: 10);
    }

    /// <param name="batchNiceness">Null: no batch work; otherwise a batch queue runs with this BatchNiceness.</param>
    private static async Task SweepAsync(string label, short[] audio, int[] counts, int? batchNiceness)
    {
        var priority = new BatchPriority(batchNiceness ?? 0);
        using var decoders = new LiveDecoders(ModelDirectory, new WebApp.Transcription.Engines.PocketSphinx.Keyterms.KeytermPronouncer(ModelDirectory,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<WebApp.Transcription.Engines.PocketSphinx.Keyterms.KeytermPronouncer>.Instance), warmCount: 8, priority);
        await using var batch = batchNiceness is null ? null : new BatchQueue(priority, audio);
        var sustained = 0;
        foreach (var streams in counts)
        {
            var batchBefore = batch?.RecognisedSeconds ?? 0;
            var clock = Stopwatch.StartNew();
            var results = await Task.WhenAll(Enumerable.Range(0, streams).Select(_ => RunStreamAsync(decoders, audio)));
            var partial = results.SelectMany(r => r.PartialLatenciesMs).Order().ToList();
            var final = results.SelectMany(r => r.FinalLatenciesMs).Order().ToList();
            var behind = results.Max(r => r.MaxBacklogSeconds);
            var prefix = $"{label}, {streams} stream(s)";
            BenchContext.Row($"{prefix}: partial p50 / p95", $"{Percentile(partial, 0.5):F0} / {Percentile(partial, 0.95):F0} ms ({partial.Count} words)");
            BenchContext.Row($"{prefix}: final after speech p50 / p95", $"{Percentile(final, 0.5):F0} / {Percentile(final, 0.95):F0} ms ({final.Count} turns)");
            BenchContext.Row($"{prefix}: most audio waiting", $"{behind:F2} s{(behind > BehindSeconds ? " — fell behind" : "")}");
            if (batch is not null)
            {
                BenchContext.Row($"{prefix}: batch speed meanwhile", $"{(batch.RecognisedSeconds - batchBefore) / clock.Elapsed.TotalSeconds:F2} s of audio a second");
            }

            BenchContext.Row($"{prefix}: load average after", LoadAverage());
            if (behind > BehindSeconds)
            {
                break;
            }

            sustained = streams;
        }

        BenchContext.Row($"{label}: streams sustained in real time", $"{sustained} (target ≥ 4 on 2 cores; {Environment.ProcessorCount} cores here)");
    }

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    /// <summary>
    /// A queue of batch jobs that never empties: twice as many callers as the pool has decoders, each recognising
    /// the clips' audio in 10 s segments through the batch <see cref="DecoderPool"/>, as transcription jobs do
    /// (ffmpeg's share is left out: it is small beside recognition).
    /// </summary>
    private sealed class BatchQueue : IAsyncDisposable
    {
        private readonly DecoderPool pool;
        private readonly CancellationTokenSource stop = new();
        private readonly Task[] callers;
        private long recognisedSamples;

        public BatchQueue(BatchPriority priority, short[] audio)
        {
            pool = new DecoderPool(ModelDirectory, Environment.ProcessorCount, cpu: null, priority);
            callers = [.. Enumerable.Range(0, 2 * pool.Size).Select(i => Task.Run(async () =>
            {
                for (var offset = i * 16000 % audio.Length; !stop.IsCancellationRequested; offset = (offset + 160000) % audio.Length)
                {
                    var segment = audio[offset..Math.Min(offset + 160000, audio.Length)];
                    try
                    {
                        await pool.RunAsync(decoder => decoder.Recognize(segment), stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }

                    Interlocked.Add(ref recognisedSamples, segment.Length);
                }
            }))];
        }

        public double RecognisedSeconds => Interlocked.Read(ref recognisedSamples) / 16000.0;

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await Task.WhenAll(callers);
            pool.Dispose();
            stop.Dispose();
        }
    }

    internal static short[] LoadClips() => Join(Directory.GetFiles(Clips, "*.wav").Order());

    /// <summary>16 kHz mono 16-bit wav files one after another, with 1 s of quiet after each.</summary>
    internal static short[] Join(IEnumerable<string> wavs)
    {
        var samples = new List<short>();
        foreach (var clip in wavs)
        {
            var bytes = File.ReadAllBytes(clip);
            var data = bytes.AsSpan(44);
            for (var i = 0; i + 1 < data.Length; i += 2)
            {
                samples.Add((short)(data[i] | data[i + 1] << 8));
            }

            samples.AddRange(new short[16000]);
        }

        return [.. samples];
    }

    private static async Task<StreamResult> RunStreamAsync(LiveDecoders decoders, short[] audio)
    {
        using var decoder = await decoders.AcquireAsync([], CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var seen = new List<(StreamingWord Word, double AtMs)>();
        var finals = new List<(TurnMessage Turn, double AtMs)>();
        var work = new BlockingCollection<short[]>();
        long queuedSamples = 0;
        double maxBacklog = 0;
        var transcriber = new LiveTranscriber(decoder.Decoder, null, new TurnSettings(), 150, message =>
        {
            if (message is TurnMessage turn)
            {
                var at = clock.Elapsed.TotalMilliseconds;
                seen.AddRange(turn.Words.Select(word => (word, at)));
                if (turn.EndOfTurn)
                {
                    finals.Add((turn, at));
                }
            }
        });
        var decoding = Task.Factory.StartNew(() =>
        {
            foreach (var chunk in work.GetConsumingEnumerable())
            {
                transcriber.Push(chunk);
                Interlocked.Add(ref queuedSamples, -chunk.Length);
            }

            transcriber.Finish();
        }, TaskCreationOptions.LongRunning);

        var chunkSamples = 16 * ChunkMs;
        for (var offset = 0; offset < audio.Length; offset += chunkSamples)
        {
            // The chunk leaves once its audio has been "spoken".
            var due = (offset + chunkSamples) / 16.0;
            var wait = due - clock.Elapsed.TotalMilliseconds;
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(wait));
            }

            var backlog = Interlocked.Add(ref queuedSamples, chunkSamples) / 16000.0;
            maxBacklog = Math.Max(maxBacklog, backlog);
            work.Add(audio[offset..Math.Min(offset + chunkSamples, audio.Length)]);
        }

        work.CompleteAdding();
        await decoding;

        // A final word's first sighting: the earliest message with a word of the same text starting near it.
        var partial = finals.SelectMany(f => f.Turn.Words).Select(word =>
            seen.Where(s => s.Word.Text == word.Text && Math.Abs(s.Word.Start - word.Start) <= 150).Min(s => s.AtMs) - word.End).ToList();
        var final = finals.Where(f => f.Turn.Words.Count > 0).Select(f => f.AtMs - f.Turn.Words[^1].End).ToList();
        return new StreamResult(partial, final, maxBacklog);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private sealed record StreamResult(List<double> PartialLatenciesMs, List<double> FinalLatenciesMs, double MaxBacklogSeconds);
}
