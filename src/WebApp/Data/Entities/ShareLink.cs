namespace WebApp.Data.Entities;

/// <summary>
/// A read-only link to one transcript for people without an account. Only the token's SHA-256 is stored; the
/// token itself is shown once, in the link.
/// </summary>
public class ShareLink
{
    public Guid Id { get; set; }

    public Guid TeamId { get; set; }

    public Guid TranscriptId { get; set; }

    public required string CreatedByUserId { get; set; }

    public required string TokenHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
