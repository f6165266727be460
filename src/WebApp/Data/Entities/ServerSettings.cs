namespace WebApp.Data.Entities;

/// <summary>What the server's administrators chose for the whole server: one row (Id 1), absent until they choose.</summary>
public class ServerSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public SignUpPolicy SignUpPolicy { get; set; }
}

/// <summary>Who may create an account on the registration page. The server's first account may always be created.</summary>
public enum SignUpPolicy
{
    /// <summary>Only people holding a valid team invite link.</summary>
    InvitedOnly,

    Anyone,

    /// <summary>No one; administrators still add keys for API-only users with create-api-key.</summary>
    Nobody,
}
