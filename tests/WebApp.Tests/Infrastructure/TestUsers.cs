using WebApp.Data;
using WebApp.Data.Entities;

namespace WebApp.Tests.Infrastructure;

/// <summary>Users for tests that work on the database directly, each with a personal team as the app gives them.</summary>
public static class TestUsers
{
    /// <summary>Adds the user and their personal team to <paramref name="db"/>; the caller saves.</summary>
    public static ApplicationUser Add(ApplicationDbContext db, string email)
    {
        var team = new Team { Id = Guid.NewGuid(), Name = $"{email}'s team", CreatedAt = DateTime.UtcNow };
        var user = new ApplicationUser
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            PersonalTeamId = team.Id,
            CreatedAt = DateTime.UtcNow,
        };
        team.Members.Add(new TeamMember { UserId = user.Id, Role = TeamRole.Owner, JoinedAt = team.CreatedAt });
        db.Teams.Add(team);
        db.Users.Add(user);
        return user;
    }
}
