using Microsoft.Extensions.Logging.Abstractions;
using WebApp.Transcription.Engine;

namespace WebApp.Tests.Transcription;

[CollectionDefinition(Name)]
public sealed class SpeechEngineCollection : ICollectionFixture<SpeechEngineFixture>
{
    public const string Name = "Speech engine";
}

/// <summary>
/// What the recognition tests share, because it is slow to make: one decoder pool (each decoder loads a 140 MB
/// model) and a long recording built from the LibriVox clips.
/// </summary>
public sealed class SpeechEngineFixture : IDisposable
{
    public const string ModelDirectory = "/usr/share/pocketsphinx/model/en-us";

    private readonly Lazy<TranscribedClip> longRecording;

    public SpeechEngineFixture()
    {
        Pool = new DecoderPool(ModelDirectory, size: 2);
        Engine = new LocalSpeechEngine(new AudioDecoder(), new SpeechSegmenter(), Pool, NullLogger<LocalSpeechEngine>.Instance);
        longRecording = new Lazy<TranscribedClip>(() => LibrivoxRecordings.Concatenate(Scratch.File("librivox-long.wav"), repeats: 4));
    }

    public ScratchDirectory Scratch { get; } = new();

    public DecoderPool Pool { get; }

    public LocalSpeechEngine Engine { get; }

    /// <summary>The five clips four times over in shuffled order with pauses between them: ~110 s, 284 words.</summary>
    public TranscribedClip LongRecording => longRecording.Value;

    public void Dispose()
    {
        Pool.Dispose();
        Scratch.Dispose();
    }
}
