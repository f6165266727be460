namespace WebApp.Data.Entities;

/// <summary>
/// One finished job, as usage counts it: written in the same save that ends its transcript, keyed by the transcript,
/// so a job run again after a crash cannot count twice. It outlives the transcript's deletion; it goes with its team.
/// </summary>
public class UsageRecord
{
    public Guid TranscriptId { get; set; }

    public Guid TeamId { get; set; }

    /// <summary>Who submitted the job; kept (not a foreign key) when the account is deleted, so the team's totals stay.</summary>
    public string? UserId { get; set; }

    /// <summary>The API key the job came through; null for the browser app.</summary>
    public Guid? ApiKeyId { get; set; }

    /// <summary>The UTC day the job ended on: usage is reported by day.</summary>
    public DateOnly Day { get; set; }

    public DateTime EndedAt { get; set; }

    /// <summary>Seconds of audio transcribed; 0 for a failed job.</summary>
    public double AudioSeconds { get; set; }

    public bool Failed { get; set; }
}
