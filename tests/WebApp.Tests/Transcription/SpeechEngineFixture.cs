using Microsoft.Extensions.Logging.Abstractions;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;
using WebApp.Transcription.Engines.PocketSphinx.Keyterms;

namespace WebApp.Tests.Transcription;

[CollectionDefinition(Name)]
public sealed class SpeechEngineCollection : ICollectionFixture<SpeechEngineFixture>
{
    public const string Name = "Speech engine";
}

public sealed record EngineRun(RecognitionResult Result, IReadOnlyList<int> Progress);

/// <summary>
/// What the recognition tests share, because it is slow to make: one decoder pool (each decoder loads a 100 MB
/// model), a long recording built from the LibriVox clips, and the engine's transcript of it.
/// </summary>
public sealed class SpeechEngineFixture : IDisposable
{
    public const string ModelDirectory = "/usr/share/pocketsphinx/model/en-us";

    private readonly Lazy<TranscribedClip> longRecording;
    private readonly Lazy<Task<EngineRun>> longRecordingRun;

    public SpeechEngineFixture()
    {
        Pool = new DecoderPool(ModelDirectory, size: 2);
        Engine = new PocketSphinxEngine(new AudioDecoder(), new SpeechSegmenter(), Pool, new KeytermPronouncer(ModelDirectory, NullLogger<KeytermPronouncer>.Instance), NullLogger<PocketSphinxEngine>.Instance);
        longRecording = new Lazy<TranscribedClip>(() => LibrivoxRecordings.Concatenate(Scratch.File("librivox-long.wav"), repeats: 4));
        longRecordingRun = new Lazy<Task<EngineRun>>(async () =>
        {
            var progress = new List<int>();
            var result = await Engine.TranscribeAsync(LongRecording.Path, new SynchronousProgress(percent =>
            {
                lock (progress)
                {
                    progress.Add(percent);
                }
            }), CancellationToken.None);
            return new EngineRun(result, progress);
        });
    }

    public ScratchDirectory Scratch { get; } = new();

    public DecoderPool Pool { get; }

    public PocketSphinxEngine Engine { get; }

    /// <summary>The five clips four times over in shuffled order with pauses between them: ~110 s, 284 words.</summary>
    public TranscribedClip LongRecording => longRecording.Value;

    /// <summary><see cref="LongRecording"/> through the engine, once for all the tests that only look at the outcome.</summary>
    public Task<EngineRun> TranscribeLongRecordingAsync() => longRecordingRun.Value;

    public void Dispose()
    {
        Pool.Dispose();
        Scratch.Dispose();
    }
}
