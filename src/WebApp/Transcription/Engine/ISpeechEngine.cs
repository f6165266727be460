namespace WebApp.Transcription.Engine;

/// <summary>Turns an audio or video file into timed words. The local engine is the default; a region may bring another.</summary>
public interface ISpeechEngine
{
    /// <summary>The speech_models names this engine answers to, first = what it reports in speech_model_used.</summary>
    IReadOnlyList<string> ModelNames { get; }

    /// <param name="audioPath">Any file ffmpeg can read.</param>
    /// <param name="keyterms">keyterms_prompt: words and phrases to favour; empty for none.</param>
    /// <param name="progress">Receives 0–100 as the work advances.</param>
    /// <exception cref="AudioDecodingException">The file has no decodable audio; the message is for the user.</exception>
    Task<RecognitionResult> TranscribeAsync(string audioPath, IReadOnlyList<string> keyterms, IProgress<int>? progress, CancellationToken cancellationToken);
}

/// <param name="Text">The word as recognised (lower case from pocketsphinx; formatting comes later).</param>
/// <param name="StartMs">Start in milliseconds from the start of the audio.</param>
/// <param name="EndMs">End in milliseconds, greater than <paramref name="StartMs"/>.</param>
/// <param name="Confidence">In [0, 1].</param>
public sealed record RecognizedWord(string Text, int StartMs, int EndMs, double Confidence);

/// <param name="AudioDurationSeconds">Length of the decoded audio.</param>
/// <param name="SpeechModel">The model that actually ran (speech_model_used).</param>
public sealed record RecognitionResult(IReadOnlyList<RecognizedWord> Words, double AudioDurationSeconds, string SpeechModel);

/// <summary>The input could not be decoded as audio. The message is shown to the user as the transcript's error.</summary>
public sealed class AudioDecodingException(string message, Exception? inner = null) : Exception(message, inner);
