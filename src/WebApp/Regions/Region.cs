using Microsoft.Extensions.Options;
using WebApp.Infrastructure;

namespace WebApp.Regions;

/// <summary>One configured region, as the rest of the app sees it (the operator's key stays in <see cref="RegionSettings"/>).</summary>
public sealed record Region(string Name, RegionKind Kind, Uri? BaseUrl, bool HasOperatorKey)
{
    public bool IsRemote => Kind != RegionKind.Local;

    /// <summary>"this server" or the upstream's host, for people choosing one.</summary>
    public string Where => BaseUrl is null ? "this server" : BaseUrl.Authority;
}

/// <summary>The regions the operator configured, "local" first; read once at start (configuration is validated then).</summary>
public sealed class RegionCatalog(IOptions<RegionsOptions> options, IOptions<VerbatimOptions> verbatim)
{
    public IReadOnlyList<Region> All { get; } =
    [
        new(RegionsOptions.Local, RegionKind.Local, null, false),
        .. options.Value.Regions.Where(r => r.Key != RegionsOptions.Local).OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new Region(r.Key, r.Value.Kind, r.Value.BaseUrl is null ? null : new Uri(r.Value.BaseUrl.TrimEnd('/') + "/"), !string.IsNullOrEmpty(r.Value.ApiKey))),
    ];

    public Region? Find(string name) => All.FirstOrDefault(r => r.Name == name);

    /// <summary>The operator's settings of a region (timings, key); defaults for "local" when it is not listed.</summary>
    public RegionSettings SettingsOf(string name) => options.Value.Regions.TryGetValue(name, out var settings) ? settings : new RegionSettings();

    /// <summary>
    /// This server's address as the internet sees it (<see cref="Infrastructure.PublicUrl"/>). With it, remote regions
    /// are asked to call a webhook here when a transcript finishes, and polling slows down; without it they are polled.
    /// </summary>
    public string? PublicUrl => verbatim.Value.Configured();
}
