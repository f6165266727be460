using System.ComponentModel.DataAnnotations;

namespace WebApp.Transcription.Webhooks;

/// <summary>Settings under "Verbatim:Webhooks".</summary>
public sealed class WebhookOptions
{
    public const string Section = "Verbatim:Webhooks";

    /// <summary>Tries in all, as AssemblyAI: the first and up to 9 retries.</summary>
    [Range(1, 100)]
    public int Attempts { get; set; } = 10;

    [Range(0, 3600)]
    public double DelaySeconds { get; set; } = 10;

    /// <summary>How long one try may take.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Deliveries under way at once in this process.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 4;
}
