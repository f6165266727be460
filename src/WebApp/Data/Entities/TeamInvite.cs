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

    /// <summary>The address the link was mailed to, so admins can tell pending invites apart; null for a link passed on by hand.</summary>
    public string? MailedTo { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? AcceptedAt { get; set; }

    public string? AcceptedByUserId { get; set; }

    public DateTime? RevokedAt { get; set; }
}
