using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace WebApp.Regions;

public enum RegionKind
{
    /// <summary>This server's own engines.</summary>
    Local,

    /// <summary>Any server speaking AssemblyAI's API: api.assemblyai.com, api.eu.assemblyai.com, another Verbatim.</summary>
    AssemblyAI,
}

/// <summary><c>Verbatim:Regions:&lt;name&gt;</c>: where a team's audio may be transcribed.</summary>
public sealed class RegionsOptions
{
    public const string Section = "Verbatim";

    public const string Local = "local";

    /// <summary>By name; "local" exists whether or not it is listed.</summary>
    public Dictionary<string, RegionSettings> Regions { get; set; } = [];
}

/// <summary>One region. The timings bound every remote call so that a job always ends.</summary>
public sealed class RegionSettings
{
    public RegionKind Kind { get; set; } = RegionKind.Local;

    /// <summary>The upstream's base URL, without /v2 (https://api.eu.assemblyai.com). AssemblyAI kind only.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>
    /// The upstream's streaming base URL (/v3), when it is not BaseUrl: AssemblyAI's own hosts are derived
    /// (api.eu.assemblyai.com → https://streaming.eu.assemblyai.com); another Verbatim serves both on one address.
    /// </summary>
    public string? StreamingUrl { get; set; }

    /// <summary>An operator-wide upstream key: the region is open to every team unless its admins turn it off.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one call to the upstream may take before it counts as failed.</summary>
    public int RequestTimeoutSeconds { get; set; } = 60;

    /// <summary>How many times one call is tried when the upstream answers 429, 5xx or not at all.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The longest wait between tries, whatever Retry-After asks for.</summary>
    public int MaxRetryDelaySeconds { get; set; } = 60;

    /// <summary>The first wait between status polls; it grows by half each time up to <see cref="MaxPollSeconds"/>.</summary>
    public double PollSeconds { get; set; } = 1;

    public double MaxPollSeconds { get; set; } = 15;

    /// <summary>How long the upstream may take to finish a transcript before the job gives up with an error.</summary>
    public int MaxWaitMinutes { get; set; } = 240;
}

/// <summary>Stops start-up on a region that cannot work, naming it.</summary>
public sealed partial class RegionsOptionsValidator : IValidateOptions<RegionsOptions>
{
    /// <summary>First path segments a region name would hide (the API's versions).</summary>
    private static readonly HashSet<string> Reserved = ["v1", "v2", "v3"];

    public ValidateOptionsResult Validate(string? name, RegionsOptions options)
    {
        var failures = new List<string>();
        foreach (var (regionName, region) in options.Regions)
        {
            var key = $"Verbatim:Regions:{regionName}";
            if (!NamePattern().IsMatch(regionName) || Reserved.Contains(regionName))
            {
                failures.Add($"{key}: a region name is lower-case letters, digits and dashes, starts with a letter, is at most 32 long, and is not v1, v2 or v3.");
            }

            if (regionName == RegionsOptions.Local && region.Kind != RegionKind.Local)
            {
                failures.Add($"{key}: \"local\" is this server's own engines; give a remote region another name.");
            }

            if (region.Kind == RegionKind.Local && (region.BaseUrl is not null || region.ApiKey is not null))
            {
                failures.Add($"{key}: a Local region has no BaseUrl or ApiKey (set Kind to AssemblyAI for a remote one).");
            }

            if (region.Kind == RegionKind.AssemblyAI && (region.BaseUrl is null || !IsHttpUrl(region.BaseUrl)))
            {
                failures.Add($"{key}:BaseUrl must be an absolute http or https URL, e.g. https://api.eu.assemblyai.com.");
            }

            if (region.StreamingUrl is not null && (region.Kind != RegionKind.AssemblyAI || !IsHttpUrl(region.StreamingUrl)))
            {
                failures.Add($"{key}:StreamingUrl must be an absolute http or https URL, and only for an AssemblyAI region.");
            }

            if (region.RequestTimeoutSeconds < 1 || region.MaxAttempts < 1 || region.MaxRetryDelaySeconds < 0 || region.PollSeconds <= 0
                || region.MaxPollSeconds < region.PollSeconds || region.MaxWaitMinutes < 1)
            {
                failures.Add($"{key}: RequestTimeoutSeconds, MaxAttempts and MaxWaitMinutes must be at least 1, PollSeconds positive and at most MaxPollSeconds.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Query.Length == 0;

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}$")]
    private static partial Regex NamePattern();
}
