namespace WebApp.Data.Entities;

/// <summary>
/// A link that lets one person join a team with a role. Only the token's SHA-256 is stored; the link is shown once.
/// It works once, until it expires or is revoked.
/// </summary>
public class TeamInvite
{
    public Guid Id { get; set; }

    public Guid TeamId { get; set; }

    public TeamRole Role { get; set; }

    public required string TokenHash { get; set; }

    public required string CreatedByUserId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? AcceptedAt { get; set; }

    public string? AcceptedByUserId { get; set; }

    public DateTime? RevokedAt { get; set; }
}
