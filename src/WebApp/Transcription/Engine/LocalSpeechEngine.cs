using System.Diagnostics;

namespace WebApp.Transcription.Engine;

/// <summary>
/// Speech recognition on this machine with pocketsphinx: ffmpeg decodes the file, the audio is cut at pauses, and the
/// pieces are recognised in parallel, one decoder per core, then put back together with absolute timings.
/// </summary>
public sealed class LocalSpeechEngine(
    AudioDecoder audioDecoder,
    SpeechSegmenter segmenter,
    DecoderPool decoders,
    ILogger<LocalSpeechEngine> logger) : ISpeechEngine
{
    public const string ModelName = "pocketsphinx-en-us";

    /// <summary>Decoding is quick next to recognition; this much of the progress bar is for it.</summary>
    private const int DecodedPercent = 5;

    public IReadOnlyList<string> ModelNames { get; } = [ModelName];

    /// <remarks>
    /// Cancellation stops ffmpeg at once and stops handing out segments; a segment already inside pocketsphinx runs to
    /// its end (a few seconds), since the native call cannot be interrupted.
    /// </remarks>
    public async Task<RecognitionResult> TranscribeAsync(string audioPath, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var percent = new MonotonicProgress(progress);
        percent.Report(0);

        using var audio = await audioDecoder.DecodeAsync(audioPath, cancellationToken);
        var segments = segmenter.Split(audio);
        percent.Report(DecodedPercent);

        var wordsBySegment = new IReadOnlyList<RecognizedWord>[segments.Count];
        var samplesToRecognise = segments.Sum(segment => (long)segment.SampleCount);
        long samplesRecognised = 0;
        var parallelism = new ParallelOptions { MaxDegreeOfParallelism = decoders.Size, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, segments.Count), parallelism, async (index, token) =>
        {
            var segment = segments[index];
            var samples = audio.ReadSamples(segment.StartSample, segment.SampleCount);
            var words = await decoders.RunAsync(decoder => decoder.Recognize(samples), token);
            wordsBySegment[index] = ShiftTo(segment, words);

            var done = Interlocked.Add(ref samplesRecognised, segment.SampleCount);
            percent.Report(DecodedPercent + (int)((100 - DecodedPercent) * done / samplesToRecognise));
        });
        percent.Report(100);

        var result = new RecognitionResult([.. wordsBySegment.SelectMany(words => words)], audio.DurationSeconds, ModelName);
        logger.LogInformation(
            "Recognised {WordCount} words in {AudioSeconds:F1} s of audio ({SegmentCount} segments) in {ElapsedSeconds:F1} s",
            result.Words.Count, result.AudioDurationSeconds, segments.Count, clock.Elapsed.TotalSeconds);
        return result;
    }

    private static RecognizedWord[] ShiftTo(SpeechSegment segment, IReadOnlyList<RecognizedWord> words)
    {
        var offsetMs = (int)(segment.StartSample * 1000 / DecodedAudio.SampleRate);
        return [.. words.Select(word => word with { StartMs = word.StartMs + offsetMs, EndMs = word.EndMs + offsetMs })];
    }
}
