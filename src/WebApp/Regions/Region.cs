using Microsoft.Extensions.Options;
using WebApp.Infrastructure;

namespace WebApp.Regions;

/// <summary>One configured region, as the rest of the app sees it (the operator's key stays in <see cref="RegionSettings"/>).</summary>
public sealed record Region(string Name, RegionKind Kind, Uri? BaseUrl, bool HasOperatorKey)
{
    public bool IsRemote => Kind != RegionKind.Local;

    /// <summary>"this server" or the upstream's host, for people choosing one.</summary>
    public string Where => BaseUrl is null ? "this server" : BaseUrl.Authority;

    /// <summary>Where the upstream serves /v3 (its token and WebSocket); null for local.</summary>
    public Uri? StreamingUrl { get; init; }

    /// <summary>
    /// AssemblyAI serves streaming from its own hosts (api.assemblyai.com → streaming.assemblyai.com,
    /// api.eu.assemblyai.com → streaming.eu.assemblyai.com); any other server (another Verbatim) serves /v3 beside /v2.
    /// </summary>
    public static Uri? StreamingUrlFor(Uri? baseUrl, string? configured)
    {
        if (configured is not null)
        {
            return new Uri(configured.TrimEnd('/') + "/");
        }

        if (baseUrl is null)
        {
            return null;
        }

        var host = baseUrl.Host;
        return host.StartsWith("api.", StringComparison.OrdinalIgnoreCase) && host.EndsWith(".assemblyai.com", StringComparison.OrdinalIgnoreCase)
            ? new UriBuilder(baseUrl) { Host = "streaming." + host["api.".Length..] }.Uri
            : baseUrl;
    }
}

/// <summary>The regions the operator configured, "local" first; read once at start (configuration is validated then).</summary>
public sealed class RegionCatalog(IOptions<RegionsOptions> options, IOptions<VerbatimOptions> verbatim)
{
    public IReadOnlyList<Region> All { get; } =
    [
        new(RegionsOptions.Local, RegionKind.Local, null, false),
        .. options.Value.Regions.Where(r => r.Key != RegionsOptions.Local).OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => Describe(r.Key, r.Value)),
    ];

    private static Region Describe(string name, RegionSettings settings)
    {
        var baseUrl = settings.BaseUrl is null ? null : new Uri(settings.BaseUrl.TrimEnd('/') + "/");
        return new Region(name, settings.Kind, baseUrl, !string.IsNullOrEmpty(settings.ApiKey))
        {
            StreamingUrl = Region.StreamingUrlFor(baseUrl, settings.StreamingUrl),
        };
    }

    public Region? Find(string name) => All.FirstOrDefault(r => r.Name == name);

    /// <summary>The operator's settings of a region (timings, key); defaults for "local" when it is not listed.</summary>
    public RegionSettings SettingsOf(string name) => options.Value.Regions.TryGetValue(name, out var settings) ? settings : new RegionSettings();

    /// <summary>
    /// This server's address as the internet sees it (<see cref="Infrastructure.PublicUrl"/>). With it, remote regions
    /// are asked to call a webhook here when a transcript finishes, and polling slows down; without it they are polled.
    /// </summary>
    public string? PublicUrl => verbatim.Value.Configured();
}
