using Microsoft.AspNetCore.Identity;

namespace WebApp.Data.Entities;

public class ApplicationUser : IdentityUser
{
    /// <summary>The team created with the user; they may leave it like any other once it has another owner.</summary>
    public Guid PersonalTeamId { get; set; }

    /// <summary>
    /// The team the browser app acts for (library, uploads, keys), chosen from the app bar. Kept here rather than in
    /// the cookie so that a switch reaches every open page and circuit at once; null or a team the user has left
    /// falls back to another of theirs (see Teams/ActiveTeams).
    /// </summary>
    public Guid? ActiveTeamId { get; set; }

    /// <summary>Manages the whole server: sign-up policy, accounts, speech engines. The first account is one.</summary>
    public bool IsServerAdministrator { get; set; }

    public DateTime CreatedAt { get; set; }
}
