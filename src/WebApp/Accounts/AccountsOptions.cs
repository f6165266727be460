using WebApp.Data.Entities;

namespace WebApp.Accounts;

/// <summary>Verbatim:Accounts — what holds until an administrator chooses otherwise on the accounts page.</summary>
public sealed class AccountsOptions
{
    public const string Section = "Verbatim:Accounts";

    /// <summary>Who may register once the first account exists: InvitedOnly (the default), Anyone or Nobody.</summary>
    public SignUpPolicy SignUpPolicy { get; set; } = SignUpPolicy.InvitedOnly;
}
