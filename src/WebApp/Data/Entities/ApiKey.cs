namespace WebApp.Data.Entities;

/// <summary>A key for the /v2 API. Only its SHA-256 hash is stored; the key itself is shown once.</summary>
public class ApiKey
{
    public Guid Id { get; set; }

    public Guid TeamId { get; set; }

    public required string UserId { get; set; }

    public required string Name { get; set; }

    /// <summary>The key's first characters, so a person can tell their keys apart.</summary>
    public required string Prefix { get; set; }

    public required string KeyHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
