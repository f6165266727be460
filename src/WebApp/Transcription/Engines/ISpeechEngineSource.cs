namespace WebApp.Transcription.Engines;

/// <summary>
/// A family of engines that are installed together: pocketsphinx, the whisper models in the models folder, a region's
/// upstream. Read on every routing decision, so a model file added while the server runs is seen at once.
/// </summary>
public interface ISpeechEngineSource
{
    IReadOnlyList<ISpeechEngine> Engines { get; }
}
