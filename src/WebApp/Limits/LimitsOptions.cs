using System.ComponentModel.DataAnnotations;

namespace WebApp.Limits;

/// <summary>
/// Settings under "Verbatim:Limits": what keeps one request, one job or one account from taking the server.
/// <see cref="Teams"/> overrides the per-team defaults for a team, keyed by its id.
/// </summary>
public sealed class LimitsOptions : IValidatableObject
{
    public const string Section = "Verbatim:Limits";

    /// <summary>Largest JSON body of POST /v2/transcript; larger is 413.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxJsonBytes { get; set; } = 1024 * 1024;

    /// <summary>Longest audio accepted, measured on the decoded sound (AssemblyAI's limit for uploads is 10 h).</summary>
    [Range(0.001, 1000)]
    public double MaxAudioHours { get; set; } = 10;

    /// <summary>Most channels a multichannel job transcribes one by one.</summary>
    [Range(1, 64)]
    public int MaxChannels { get; set; } = 8;

    /// <summary>A job may run this many times its audio's length (plus <see cref="JobTimeoutBaseMinutes"/>) before it is stopped.</summary>
    [Range(0.1, 100)]
    public double JobTimeoutFactor { get; set; } = 3;

    [Range(1, 1440)]
    public double JobTimeoutBaseMinutes { get; set; } = 10;

    /// <summary>Scratch space (decoded audio, downloads) one job may fill, in bytes.</summary>
    [Range(1024 * 1024, long.MaxValue)]
    public long MaxScratchBytesPerJob { get; set; } = 8L * 1024 * 1024 * 1024;

    /// <summary>Uploads no transcript still needs are deleted this long after they were made.</summary>
    [Range(0.01, 100000)]
    public double UploadRetentionHours { get; set; } = 24;

    public TeamLimits Default { get; set; } = new() { RequestsPerMinute = 6000 };

    /// <summary>Per-team overrides, keyed by the team's id; unset values fall back to <see cref="Default"/>.</summary>
    public Dictionary<string, TeamLimits> Teams { get; set; } = [];

    public TeamLimits For(Guid teamId) =>
        Teams.TryGetValue(teamId.ToString(), out var own) ? own.Over(Default) : Default;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (team, limits) in Teams.Append(new("Default", Default)))
        {
            if (team != "Default" && !Guid.TryParse(team, out _))
            {
                yield return new ValidationResult($"Verbatim:Limits:Teams: \"{team}\" is not a team id.");
            }

            if (limits.RequestsPerMinute is < 1 || limits.MaxConcurrentJobs is < 1 || limits.StorageQuotaBytes is < 1)
            {
                yield return new ValidationResult($"Verbatim:Limits for {team}: RequestsPerMinute, MaxConcurrentJobs and StorageQuotaBytes must be positive.");
            }
        }
    }
}

/// <summary>One team's limits; null means "as the default" (or, in the default, no limit beyond the server's own).</summary>
public sealed class TeamLimits
{
    /// <summary>Requests a minute for each API key of the team (a token bucket: this many at once, refilled evenly over the minute).</summary>
    public int? RequestsPerMinute { get; set; }

    /// <summary>
    /// The team's transcripts in the job queue at once; later ones wait, <c>throttled</c>, and start in order as these
    /// finish. Null: as many as this process runs at once (Verbatim:Transcription:MaxConcurrentJobs).
    /// </summary>
    public int? MaxConcurrentJobs { get; set; }

    /// <summary>Bytes of uploads the team may keep; null is no quota.</summary>
    public long? StorageQuotaBytes { get; set; }

    public TeamLimits Over(TeamLimits fallback) => new()
    {
        RequestsPerMinute = RequestsPerMinute ?? fallback.RequestsPerMinute,
        MaxConcurrentJobs = MaxConcurrentJobs ?? fallback.MaxConcurrentJobs,
        StorageQuotaBytes = StorageQuotaBytes ?? fallback.StorageQuotaBytes,
    };
}
