namespace WebApp.Transcription.Engine;

/// <summary>Turns an audio or video file into timed words. The local engine is the default; a region may bring another.</summary>
public interface ISpeechEngine
{
    /// <summary>The speech_models names this engine answers to, first = what it reports in speech_model_used.</summary>
    IReadOnlyList<string> ModelNames { get; }

    /// <param name="request">What to recognise: the file, which part of it, which channels.</param>
    /// <param name="progress">Receives 0–100 as the work advances.</param>
    /// <exception cref="AudioDecodingException">The file has no decodable audio; the message is for the user.</exception>
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
}

/// <param name="Text">The word as recognised (lower case from pocketsphinx; formatting comes later).</param>
/// <param name="StartMs">Start in milliseconds from the start of the audio.</param>
/// <param name="EndMs">End in milliseconds, greater than <paramref name="StartMs"/>.</param>
/// <param name="Confidence">In [0, 1].</param>
/// <param name="Channel">1-based channel the word was heard on when channels were recognised separately, else null.</param>
public sealed record RecognizedWord(string Text, int StartMs, int EndMs, double Confidence, int? Channel = null);

/// <param name="AudioDurationSeconds">Length of the decoded audio.</param>
/// <param name="SpeechModel">The model that actually ran (speech_model_used).</param>
/// <param name="AudioChannels">How many channels were recognised separately (audio_channels), or null when they were mixed.</param>
public sealed record RecognitionResult(IReadOnlyList<RecognizedWord> Words, double AudioDurationSeconds, string SpeechModel, int? AudioChannels = null);

/// <summary>The input could not be decoded as audio. The message is shown to the user as the transcript's error.</summary>
public sealed class AudioDecodingException(string message, Exception? inner = null) : Exception(message, inner);
