namespace WebApp.Transcription.Redaction;

/// <summary>A file type redact_pii_audio_quality can ask for: its API name, file extension, MIME type and how ffmpeg writes it.</summary>
public sealed record RedactedAudioFormat(string Name, string ContentType, IReadOnlyList<string> EncoderArguments)
{
    public static readonly RedactedAudioFormat Mp3 = new("mp3", "audio/mpeg", ["-c:a", "libmp3lame", "-q:a", "2", "-f", "mp3"]);

    public static readonly RedactedAudioFormat Wav = new("wav", "audio/wav", ["-c:a", "pcm_s16le", "-f", "wav"]);

    public static IReadOnlyList<RedactedAudioFormat> All { get; } = [Mp3, Wav];

    public string Extension => "." + Name;

    /// <summary>The format redact_pii_audio_quality names; null (not given) is AssemblyAI's default, mp3.</summary>
    public static RedactedAudioFormat? FromQuality(string? quality) =>
        quality is null ? Mp3 : All.FirstOrDefault(f => f.Name == quality);
}
