using System.Diagnostics;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx.Keyterms;

namespace WebApp.Transcription.Engines.PocketSphinx;

/// <summary>
/// Speech recognition on this machine with pocketsphinx: ffmpeg decodes the file, the audio is cut at pauses, and the
/// pieces are recognised in parallel, one decoder per core, then put back together with absolute timings.
/// </summary>
public sealed class PocketSphinxEngine(
    AudioDecoder audioDecoder,
    SpeechSegmenter segmenter,
    DecoderPool decoders,
    KeytermPronouncer pronouncer,
    ILogger<PocketSphinxEngine> logger) : ISpeechEngine
{
    public const string ModelName = "pocketsphinx-en-us";

    /// <summary>Decoding is quick next to recognition; this much of each channel's share of the progress bar is for it.</summary>
    private const int DecodedPercent = 5;

    /// <summary>
    /// The key terms' share of the interpolated language model. On the keyterm bench (README, "Key terms") anything
    /// from 0.001 to 0.3 recognised the same terms and put none into sentences without them: adding the words is what
    /// counts. 0.05 lifts in-vocabulary but rare terms a little without risking more.
    /// </summary>
    public const double KeytermWeight = 0.05;

    public string Name => ModelName;

    public EngineCapabilities Capabilities { get; } = new()
    {
        Languages = new HashSet<string>(["en"]),
        Keyterms = true,
        Channels = true,
        AccuracyRank = 1,
        Summary = "Fast and light: about 10× faster than real time on 2 cores, ~140 MB per decoder; about 20% word errors on mixed English, 30% on real recordings.",
    };

    /// <remarks>
    /// Cancellation stops ffmpeg at once and stops handing out segments; a segment already inside pocketsphinx runs to
    /// its end (a few seconds), since the native call cannot be interrupted.
    /// </remarks>
    public async Task<RecognitionResult> TranscribeAsync(RecognitionRequest request, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var percent = new MonotonicProgress(progress);
        percent.Report(0);

        var vocabulary = request.Keyterms.Count == 0 ? null : await pronouncer.PronounceAsync(request.Keyterms, cancellationToken);
        // A job with key terms recognises on decoders of its own, freed at the end, so its terms reach no other job.
        using var keytermDecoders = vocabulary is null ? null : decoders.OpenKeytermSession(vocabulary, KeytermWeight);
        var recognition = new Recognition(decoders, keytermDecoders, vocabulary);

        // Channels one after the other: each already keeps every decoder busy, and only one channel's PCM is on disk at a time.
        int?[] channels = request.SeparateChannels
            ? [.. Enumerable.Range(1, await AudioDecoder.CountChannelsAsync(request.AudioPath, cancellationToken) ?? 1).Select(c => (int?)c)]
            : [null];
        var words = new List<RecognizedWord>();
        var decodedSeconds = 0.0;
        var segmentCount = 0;
        for (var i = 0; i < channels.Length; i++)
        {
            var share = new ChannelShare(percent, i, channels.Length);
            using var audio = await audioDecoder.DecodeAsync(request.AudioPath, request.Window, channels[i], cancellationToken);
            var segments = segmenter.Split(audio);
            share.Report(DecodedPercent);
            words.AddRange(await RecognizeAsync(audio, segments, channels[i], recognition, share, cancellationToken));
            decodedSeconds = audio.DurationSeconds;
            segmentCount += segments.Count;
        }

        percent.Report(100);
        var duration = request.Window.IsWhole
            ? decodedSeconds
            : await AudioDecoder.ProbeDurationSecondsAsync(request.AudioPath, cancellationToken) ?? request.Window.StartMs / 1000.0 + decodedSeconds;
        var result = new RecognitionResult(
            [.. words.OrderBy(w => w.StartMs).ThenBy(w => w.Channel)], duration, ModelName, request.SeparateChannels ? channels.Length : null);
        logger.LogInformation(
            "Recognised {WordCount} words in {AudioSeconds:F1} s of audio ({Channels} channel(s), {SegmentCount} segments) in {ElapsedSeconds:F1} s",
            result.Words.Count, decodedSeconds, channels.Length, segmentCount, clock.Elapsed.TotalSeconds);
        return result;
    }

    private async Task<IEnumerable<RecognizedWord>> RecognizeAsync(
        DecodedAudio audio, IReadOnlyList<SpeechSegment> segments, int? channel, Recognition recognition, ChannelShare progress, CancellationToken cancellationToken)
    {
        var wordsBySegment = new IReadOnlyList<RecognizedWord>[segments.Count];
        var samplesToRecognise = Math.Max(1, segments.Sum(segment => (long)segment.SampleCount));
        long samplesRecognised = 0;
        var parallelism = new ParallelOptions { MaxDegreeOfParallelism = decoders.Size, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, segments.Count), parallelism, async (index, token) =>
        {
            var segment = segments[index];
            var samples = audio.ReadSamples(segment.StartSample, segment.SampleCount);
            var words = await recognition.RunAsync(samples, token);
            wordsBySegment[index] = recognition.Place(words, audio.OffsetMs + (int)(segment.StartSample * 1000 / DecodedAudio.SampleRate), channel);

            var done = Interlocked.Add(ref samplesRecognised, segment.SampleCount);
            progress.Report(DecodedPercent + (int)((100 - DecodedPercent) * done / samplesToRecognise));
        });
        return wordsBySegment.SelectMany(words => words);
    }

    /// <summary>Where a job's segments are recognised: the shared decoders, or its own when it has key terms.</summary>
    private sealed class Recognition(DecoderPool shared, DecoderPool.KeytermSession? keytermDecoders, KeytermVocabulary? vocabulary)
    {
        public Task<IReadOnlyList<RecognizedWord>> RunAsync(short[] samples, CancellationToken cancellationToken) =>
            keytermDecoders is null
                ? shared.RunAsync(decoder => decoder.Recognize(samples), cancellationToken)
                : keytermDecoders.RunAsync(decoder => decoder.Recognize(samples), cancellationToken);

        /// <summary>
        /// Segment-relative words to times from the start of the file, tagged with their channel, key term words spelled
        /// as the caller spelled them ("Kubernetes").
        /// </summary>
        public RecognizedWord[] Place(IReadOnlyList<RecognizedWord> words, int offsetMs, int? channel) =>
            [.. words.Select(word => word with
            {
                Text = vocabulary?.Respell(word.Text) ?? word.Text,
                StartMs = word.StartMs + offsetMs,
                EndMs = word.EndMs + offsetMs,
                Channel = channel,
            })];
    }

    /// <summary>One channel's slice of the job's 0–100 progress.</summary>
    private sealed class ChannelShare(MonotonicProgress total, int index, int count)
    {
        public void Report(int percent) => total.Report((100 * index + percent) / count);
    }
}
