namespace WebApp.Data.Entities;

/// <summary>The owner of every upload, transcript and API key.</summary>
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

    public Team? Team { get; set; }

    public ApplicationUser? User { get; set; }
}

public enum TeamRole
{
    Member,
    Admin,
}
