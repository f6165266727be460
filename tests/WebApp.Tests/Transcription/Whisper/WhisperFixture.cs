using Microsoft.Extensions.Logging.Abstractions;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.Whisper;

namespace WebApp.Tests.Transcription.Whisper;

[CollectionDefinition(Name)]
public sealed class WhisperCollection : ICollectionFixture<WhisperFixture>
{
    public const string Name = "Whisper";
}

/// <summary>
/// Random-weight whisper models (English-only and multilingual, one layer, 64 wide: whisper.cpp accepts any size, and
/// small ones keep a 30 s window under a second on 2 cores) in a models folder, and speech to feed them.
/// </summary>
public sealed class WhisperFixture : IDisposable
{
    public WhisperFixture()
    {
        Directory.CreateDirectory(ModelsDirectory);
        TinyWhisperModel.Write(Path.Combine(ModelsDirectory, "ggml-tiny.en.bin"), multilingual: false, layers: 1, state: 64);
        TinyWhisperModel.Write(Path.Combine(ModelsDirectory, "ggml-tiny.bin"), multilingual: true, layers: 1, state: 64, seed: 2);
        Sentence = TestAudio.Flite("The quick brown fox jumps over the lazy dog. Whisper should find some words in this.", Scratch.File("sentence.wav"));
        var pause = TestAudio.Silence(1.5, Scratch.File("pause.wav"));
        // ~45 s with pauses: more than one window.
        LongSpeech = TestAudio.Concat(Scratch.File("long.wav"), Enumerable.Range(0, 5).SelectMany(_ => new[] { Sentence, pause }));
        Source = new WhisperModelSource(ModelsDirectory, Create);
    }

    public ScratchDirectory Scratch { get; } = new();

    public string ModelsDirectory => Scratch.File("models");

    /// <summary>Two cores, as on the machine the figures in README were measured on.</summary>
    public CpuBudget Cpu { get; } = new(2);

    public WhisperModelSource Source { get; }

    public string Sentence { get; }

    public string LongSpeech { get; }

    public WhisperSpeechEngine English => Engine("whisper-tiny.en");

    public WhisperSpeechEngine Multilingual => Engine("whisper-tiny");

    public WhisperSpeechEngine Create(WhisperModelFile file) =>
        new(file, new AudioDecoder(), Cpu, threads: 2, NullLogger<WhisperSpeechEngine>.Instance);

    private WhisperSpeechEngine Engine(string name) => (WhisperSpeechEngine)Source.Engines.Single(engine => engine.Name == name);

    public void Dispose()
    {
        foreach (var engine in Source.Engines.Cast<WhisperSpeechEngine>())
        {
            engine.Retire();
        }

        Scratch.Dispose();
    }
}
