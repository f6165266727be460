using Microsoft.AspNetCore.Identity;

namespace WebApp.Data.Entities;

public class ApplicationUser : IdentityUser
{
    /// <summary>The team created with the user; what they own until they join or create others.</summary>
    public Guid PersonalTeamId { get; set; }

    public DateTime CreatedAt { get; set; }
}
