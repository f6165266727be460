using WebApp.Transcription.Audio;

namespace WebApp.Transcription.Engines;

/// <summary>
/// Turns an audio or video file into timed words. Each engine (pocketsphinx, one whisper model, a remote region) says
/// what it can do in <see cref="Capabilities"/>; the router picks one for a job from speech_models and those.
/// </summary>
public interface ISpeechEngine
{
    /// <summary>What speech_model_used reports when this engine ran, and the name a request may ask for ("whisper-small").</summary>
    string Name { get; }

    EngineCapabilities Capabilities { get; }

    /// <param name="request">What to recognise: the file, which part of it, which channels, which language.</param>
    /// <param name="progress">Receives 0–100 as the work advances.</param>
    /// <exception cref="AudioDecodingException">The file has no decodable audio; the message is for the user.</exception>
    /// <exception cref="EngineUnavailableException">The engine cannot run (a model file is missing or damaged); the message is for the user.</exception>
    Task<RecognitionResult> TranscribeAsync(RecognitionRequest request, IProgress<int>? progress, CancellationToken cancellationToken);
}

public static class SpeechEngineExtensions
{
    /// <summary>Recognises the whole of <paramref name="audioPath"/>, all channels mixed.</summary>
    public static Task<RecognitionResult> TranscribeAsync(this ISpeechEngine engine, string audioPath, IProgress<int>? progress, CancellationToken cancellationToken) =>
        engine.TranscribeAsync(new RecognitionRequest(audioPath), progress, cancellationToken);
}

/// <summary>What a job asks of the engine.</summary>
/// <param name="AudioPath">Any file ffmpeg can read.</param>
public sealed record RecognitionRequest(string AudioPath)
{
    /// <summary>audio_start_from / audio_end_at. Word times stay measured from the start of the file.</summary>
    public AudioWindow Window { get; init; } = AudioWindow.Whole;

    /// <summary>multichannel: each channel recognised on its own, words tagged with their channel.</summary>
    public bool SeparateChannels { get; init; }

    /// <summary>keyterms_prompt: words and phrases to favour; empty for none.</summary>
    public IReadOnlyList<string> Keyterms { get; init; } = [];

    /// <summary>prompt: context the model continues from; only for engines whose capabilities take it.</summary>
    public string? Prompt { get; init; }

    /// <summary>temperature in [0, 1]; only for engines whose capabilities take it.</summary>
    public double? Temperature { get; init; }

    /// <summary>
    /// The language to transcribe, as a base code ("en", "de"); null lets the engine identify it, when its
    /// capabilities say it can (<see cref="EngineCapabilities.IdentifiesLanguage"/>), else means its first language.
    /// </summary>
    public string? Language { get; init; }
}

/// <param name="Text">The word as recognised (lower case from pocketsphinx; formatting comes later).</param>
/// <param name="StartMs">Start in milliseconds from the start of the audio.</param>
/// <param name="EndMs">End in milliseconds, greater than <paramref name="StartMs"/>.</param>
/// <param name="Confidence">In [0, 1].</param>
/// <param name="Channel">1-based channel the word was heard on when channels were recognised separately, else null.</param>
public sealed record RecognizedWord(string Text, int StartMs, int EndMs, double Confidence, int? Channel = null);

/// <param name="AudioDurationSeconds">Length of the decoded audio.</param>
/// <param name="SpeechModel">The engine and model that actually ran (speech_model_used).</param>
/// <param name="AudioChannels">How many channels were recognised separately (audio_channels), or null when they were mixed.</param>
public sealed record RecognitionResult(IReadOnlyList<RecognizedWord> Words, double AudioDurationSeconds, string SpeechModel, int? AudioChannels = null)
{
    /// <summary>The language the engine identified (base code and probability) when the request left it open; else null.</summary>
    public IdentifiedLanguage? Language { get; init; }
}

/// <param name="Code">Base language code, e.g. "en", "de".</param>
/// <param name="Probability">In [0, 1].</param>
public sealed record IdentifiedLanguage(string Code, double Probability);

/// <summary>The engine cannot run at all (its model file is missing, truncated or not a model). The message is for the user.</summary>
public sealed class EngineUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
