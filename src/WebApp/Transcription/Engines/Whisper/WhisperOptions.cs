using System.ComponentModel.DataAnnotations;

namespace WebApp.Transcription.Engines.Whisper;

/// <summary>Settings under "Verbatim:Engines:Whisper".</summary>
public sealed class WhisperOptions
{
    public const string Section = "Verbatim:Engines:Whisper";

    /// <summary>
    /// Where whisper.cpp models (<c>ggml-&lt;name&gt;.bin</c>) are looked for; each one is an engine named
    /// <c>whisper-&lt;name&gt;</c>. Empty means <c>&lt;Verbatim:DataDirectory&gt;/models</c>.
    /// </summary>
    public string? ModelsDirectory { get; set; }

    /// <summary>
    /// Threads one whisper window runs on, taken from the process's CPU budget while it runs; 0 means every core. More
    /// threads finish a job sooner; fewer let a whisper job and other work run side by side.
    /// </summary>
    [Range(0, 256)]
    public int Threads { get; set; }

    /// <summary>The largest model file an administrator may add from the app (large-v3 is 2.9 GiB).</summary>
    [Range(1, long.MaxValue)]
    public long MaxModelBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    public int ThreadCount => Threads > 0 ? Threads : Environment.ProcessorCount;
}
