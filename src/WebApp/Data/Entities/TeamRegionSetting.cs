namespace WebApp.Data.Entities;

/// <summary>
/// A team's choices for one configured region (Regions/): whether its admins turned it off, the team's own upstream
/// key, and whether it is the team's default. A region without a row is open when the operator gave it a key.
/// </summary>
public class TeamRegionSetting
{
    public Guid TeamId { get; set; }

    /// <summary>The region's name as configured (<c>Verbatim:Regions:&lt;name&gt;</c>).</summary>
    public required string Region { get; set; }

    /// <summary>The team's admins turned the region off, even though it has a key.</summary>
    public bool Disabled { get; set; }

    /// <summary>The team's own upstream API key, sealed by ASP.NET Core Data Protection; never shown again.</summary>
    public string? ProtectedApiKey { get; set; }

    /// <summary>Plain <c>/v2</c> and the upload form use this region.</summary>
    public bool IsDefault { get; set; }

    public DateTime UpdatedAt { get; set; }
}
