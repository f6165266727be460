using System.Diagnostics;
using WebApp.Transcription.Engine.Keyterms;

namespace WebApp.Transcription.Engine;

/// <summary>
/// Speech recognition on this machine with pocketsphinx: ffmpeg decodes the file, the audio is cut at pauses, and the
/// pieces are recognised in parallel, one decoder per core, then put back together with absolute timings.
/// </summary>
public sealed class LocalSpeechEngine(
    AudioDecoder audioDecoder,
    SpeechSegmenter segmenter,
    DecoderPool decoders,
    KeytermPronouncer pronouncer,
    ILogger<LocalSpeechEngine> logger) : ISpeechEngine
{
    public const string ModelName = "pocketsphinx-en-us";

    /// <summary>Decoding is quick next to recognition; this much of the progress bar is for it.</summary>
    private const int DecodedPercent = 5;

    /// <summary>
    /// The key terms' share of the interpolated language model. On the keyterm bench (README, "Key terms") anything
    /// from 0.001 to 0.3 recognised the same terms and put none into sentences without them: adding the words is what
    /// counts. 0.05 lifts in-vocabulary but rare terms a little without risking more.
    /// </summary>
    public const double KeytermWeight = 0.05;

    public IReadOnlyList<string> ModelNames { get; } = [ModelName];

    public Task<RecognitionResult> TranscribeAsync(string audioPath, IProgress<int>? progress, CancellationToken cancellationToken) =>
        TranscribeAsync(audioPath, [], progress, cancellationToken);

    /// <remarks>
    /// Cancellation stops ffmpeg at once and stops handing out segments; a segment already inside pocketsphinx runs to
    /// its end (a few seconds), since the native call cannot be interrupted.
    /// </remarks>
    public async Task<RecognitionResult> TranscribeAsync(string audioPath, IReadOnlyList<string> keyterms, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var percent = new MonotonicProgress(progress);
        percent.Report(0);

        var vocabulary = keyterms.Count == 0 ? null : await pronouncer.PronounceAsync(keyterms, cancellationToken);
        // A job with key terms recognises on decoders of its own, freed at the end, so its terms reach no other job.
        using var keytermDecoders = vocabulary is null ? null : decoders.OpenKeytermSession(vocabulary, KeytermWeight);

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
            var words = keytermDecoders is null
                ? await decoders.RunAsync(decoder => decoder.Recognize(samples), token)
                : await keytermDecoders.RunAsync(decoder => decoder.Recognize(samples), token);
            wordsBySegment[index] = ShiftTo(segment, words, vocabulary);

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

    /// <summary>Absolute times, and key term words spelled as the caller spelled them ("Kubernetes").</summary>
    private static RecognizedWord[] ShiftTo(SpeechSegment segment, IReadOnlyList<RecognizedWord> words, KeytermVocabulary? vocabulary)
    {
        var offsetMs = (int)(segment.StartSample * 1000 / DecodedAudio.SampleRate);
        return [.. words.Select(word => word with
        {
            Text = vocabulary?.Respell(word.Text) ?? word.Text,
            StartMs = word.StartMs + offsetMs,
            EndMs = word.EndMs + offsetMs,
        })];
    }
}
