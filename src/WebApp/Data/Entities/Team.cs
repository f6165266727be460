namespace WebApp.Data.Entities;

/// <summary>The owner of every upload, transcript, API key and share link; people reach them through its members.</summary>
public class Team
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<TeamMember> Members { get; set; } = [];
}

public class TeamMember
{
    public Guid TeamId { get; set; }

    public required string UserId { get; set; }

    public TeamRole Role { get; set; }

    public DateTime JoinedAt { get; set; }

    public Team? Team { get; set; }

    public ApplicationUser? User { get; set; }
}

/// <summary>What a member may do, from least to most (stored by name, so the order is only for comparing).</summary>
public enum TeamRole
{
    /// <summary>Reads and exports; cannot upload, delete, correct or share.</summary>
    Viewer,

    /// <summary>Also uploads, transcribes, corrects, deletes and shares.</summary>
    Member,

    /// <summary>Also invites, changes roles, removes members and manages every key of the team.</summary>
    Admin,

    /// <summary>Also transfers ownership and deletes the team. A team always keeps at least one.</summary>
    Owner,
}
