using WebApp.Transcription.Engines;

namespace WebApp.Transcription.Audio;

/// <summary>The input could not be decoded as audio. The message is shown to the user as the transcript's error.</summary>
public sealed class AudioDecodingException(string message, Exception? inner = null) : Exception(message, inner);
