using System.ComponentModel.DataAnnotations;

namespace WebApp.Transcription;

/// <summary>Settings under "Verbatim:Transcription".</summary>
public sealed class TranscriptionOptions
{
    public const string Section = "Verbatim:Transcription";

    /// <summary>How many transcripts this process works on at once.</summary>
    [Range(1, 64)]
    public int MaxConcurrentJobs { get; set; } = 2;
}

/// <summary>Settings under "Verbatim:Fetch": how audio_url downloads are made.</summary>
public sealed class FetchOptions
{
    public const string Section = "Verbatim:Fetch";

    [Range(1, long.MaxValue)]
    public long MaxBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    [Range(1, 86400)]
    public int TimeoutSeconds { get; set; } = 300;

    /// <summary>Off by default so that audio_url cannot reach into the server's own network (SSRF).</summary>
    public bool AllowPrivateAddresses { get; set; }
}
