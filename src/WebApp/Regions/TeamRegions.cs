using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Teams;

namespace WebApp.Regions;

/// <summary>How one region stands for one team.</summary>
/// <param name="Open">The team may send audio there now (local always; a remote region with a key, not turned off).</param>
/// <param name="Disabled">The team's admins turned it off.</param>
/// <param name="HasTeamKey">The team set its own upstream key (never shown again).</param>
/// <param name="IsDefault">Plain /v2 and the upload form use it.</param>
public sealed record TeamRegion(Region Region, bool Open, bool Disabled, bool HasTeamKey, bool IsDefault)
{
    public string Name => Region.Name;
}

/// <summary>A region chosen for a request, or why it cannot be used (for the API's 4xx).</summary>
public sealed record RegionChoice(Region? Region, int StatusCode, string? Error);

/// <summary>
/// A team's regions: which are open, its own upstream keys (sealed with Data Protection) and its default. Changes are
/// for the team's admins (<see cref="IsTeamAdminAsync"/>); reads are for every member.
/// </summary>
public sealed class TeamRegions(ApplicationDbContext db, RegionCatalog catalog, IDataProtectionProvider dataProtection, TimeProvider clock)
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("Verbatim.Regions.TeamApiKey");

    /// <summary>The one place that says who may change a team's regions: its owners and admins.</summary>
    public Task<bool> IsTeamAdminAsync(Guid teamId, string userId, CancellationToken cancellationToken = default) =>
        db.IsTeamAdminAsync(teamId, userId, cancellationToken);

    public async Task<IReadOnlyList<TeamRegion>> ListAsync(Guid teamId, CancellationToken cancellationToken = default)
    {
        var settings = await db.TeamRegionSettings.AsNoTracking().Where(s => s.TeamId == teamId).ToDictionaryAsync(s => s.Region, cancellationToken);
        var regions = catalog.All.Select(region =>
        {
            var setting = settings.GetValueOrDefault(region.Name);
            var hasTeamKey = setting?.ProtectedApiKey is not null;
            var disabled = setting?.Disabled == true && region.IsRemote;
            var open = !region.IsRemote || (!disabled && (hasTeamKey || region.HasOperatorKey));
            return new TeamRegion(region, open, disabled, hasTeamKey, setting?.IsDefault == true);
        }).ToList();

        // A default that has since closed (key removed, turned off) falls back to local.
        var hasOpenDefault = regions.Any(r => r.IsDefault && r.Open);
        return [.. regions.Select(r => r with { IsDefault = hasOpenDefault ? r.IsDefault && r.Open : r.Region.Name == RegionsOptions.Local })];
    }

    /// <summary>The region a request goes to: the one named (a base URL's prefix, the upload form), else the team's default.</summary>
    public async Task<RegionChoice> ChooseAsync(Guid teamId, string? requested, CancellationToken cancellationToken = default)
    {
        var regions = await ListAsync(teamId, cancellationToken);
        var chosen = requested is null ? regions.First(r => r.IsDefault) : regions.FirstOrDefault(r => r.Name == requested);
        if (chosen is null)
        {
            return new RegionChoice(null, StatusCodes.Status400BadRequest,
                $"Unknown region \"{requested}\". This server's regions: {string.Join(", ", regions.Select(r => r.Name))}.");
        }

        return chosen.Open
            ? new RegionChoice(chosen.Region, StatusCodes.Status200OK, null)
            : new RegionChoice(null, StatusCodes.Status403Forbidden, chosen.Disabled
                ? $"Region \"{chosen.Name}\" is turned off for your team; a team admin can turn it on under Regions."
                : $"Region \"{chosen.Name}\" has no API key for your team; a team admin can set one under Regions.");
    }

    /// <summary>The key to call a remote region with for this team: its own, else the operator's; null when neither.</summary>
    public async Task<string?> UpstreamKeyAsync(Guid teamId, string region, CancellationToken cancellationToken = default)
    {
        var sealedKey = await db.TeamRegionSettings.AsNoTracking().Where(s => s.TeamId == teamId && s.Region == region)
            .Select(s => s.ProtectedApiKey).SingleOrDefaultAsync(cancellationToken);
        return sealedKey is not null ? protector.Unprotect(sealedKey) : NullIfEmpty(catalog.SettingsOf(region).ApiKey);
    }

    /// <summary>Sets (or, with null, removes) the team's own key for a remote region.</summary>
    public Task SetApiKeyAsync(Guid teamId, string region, string? apiKey, CancellationToken cancellationToken = default) =>
        UpdateAsync(teamId, region, s => s.ProtectedApiKey = string.IsNullOrWhiteSpace(apiKey) ? null : protector.Protect(apiKey.Trim()), cancellationToken);

    public Task SetDisabledAsync(Guid teamId, string region, bool disabled, CancellationToken cancellationToken = default) =>
        UpdateAsync(teamId, region, s => s.Disabled = disabled, cancellationToken);

    public async Task SetDefaultAsync(Guid teamId, string region, CancellationToken cancellationToken = default)
    {
        await db.TeamRegionSettings.Where(s => s.TeamId == teamId && s.Region != region && s.IsDefault)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.IsDefault, false), cancellationToken);
        await UpdateAsync(teamId, region, s => s.IsDefault = true, cancellationToken);
    }

    private async Task UpdateAsync(Guid teamId, string region, Action<TeamRegionSetting> change, CancellationToken cancellationToken)
    {
        if (catalog.Find(region) is null)
        {
            throw new ArgumentException($"Unknown region \"{region}\".", nameof(region));
        }

        var setting = await db.TeamRegionSettings.SingleOrDefaultAsync(s => s.TeamId == teamId && s.Region == region, cancellationToken);
        if (setting is null)
        {
            setting = new TeamRegionSetting { TeamId = teamId, Region = region };
            db.TeamRegionSettings.Add(setting);
        }

        change(setting);
        setting.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
