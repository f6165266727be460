using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using WebApp.Components.Account;
using WebApp.Data;
using WebApp.Data.Entities;

namespace WebApp.Accounts;

public static class AccountsExtensions
{
    /// <summary>ASP.NET Identity for the browser (cookies) and API keys for /v2.</summary>
    public static void AddAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.AddAuthorizationBuilder()
            .AddPolicy(ServerAdministratorRequirement.Policy, policy => policy.AddRequirements(new ServerAdministratorRequirement()));
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, ServerAdministratorHandler>();

        services.AddIdentityCore<ApplicationUser>(ConfigureIdentity)
            .AddEntityFrameworkStores<ApplicationDbContext>()
            .AddUserStore<TeamAwareUserStore>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddScoped<ApiKeyService>();
        builder.AddApiKeyCache();
        services.AddScoped<SignUpGate>();
        services.AddHostedService<ServerAdministratorBootstrap>();
        services.AddOptions<AccountsOptions>().BindConfiguration(AccountsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
    }

    /// <summary>Identity's settings; the design-time database factories use them too, so migrations see the same schema.</summary>
    public static void ConfigureIdentity(IdentityOptions options)
    {
        // Self-hosted: there is no mail server to confirm addresses with.
        options.SignIn.RequireConfirmedAccount = false;
        options.User.RequireUniqueEmail = true;
        options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
        // Repeated wrong passwords lock the account for a while (the sign-in page asks for it on every failure).
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
    }
}
