using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using WebApp.Data.Entities;
using WebApp.Teams;

namespace WebApp.Accounts;

/// <summary>
/// Authenticates /v2 calls the way AssemblyAI does: the key alone in the <c>authorization</c> header
/// ("Bearer &lt;key&gt;" is accepted too). Failures answer 401 with AssemblyAI's error body.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyService keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string TeamIdClaim = "verbatim:team_id";
    public const string ApiKeyIdClaim = "verbatim:api_key_id";
    public const string TeamRoleClaim = "verbatim:team_role";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrWhiteSpace(header))
        {
            return AuthenticateResult.NoResult();
        }

        var key = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..] : header;
        var identity = await keys.FindActiveAsync(key, Context.RequestAborted);
        if (identity is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, identity.UserId),
            new(TeamIdClaim, identity.TeamId.ToString()),
            new(ApiKeyIdClaim, identity.KeyId.ToString()),
            new(TeamRoleClaim, identity.Role.ToString()),
        ];
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Response.WriteAsJsonAsync(new { error = "Authentication error, API token missing/invalid" });
    }

    /// <summary>Whether the principal's key may change its team's data.</summary>
    public static bool CanWrite(ClaimsPrincipal user) =>
        Enum.TryParse<TeamRole>(user.FindFirstValue(TeamRoleClaim), out var role) && role.CanWrite();
}

public static class ClaimsPrincipalExtensions
{
    /// <summary>The team an API call acts for (the key's team).</summary>
    public static Guid GetTeamId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ApiKeyAuthenticationHandler.TeamIdClaim) ?? throw new InvalidOperationException("No team on this principal."));

    /// <summary>The API key a call came with; null for a browser session.</summary>
    public static Guid? GetApiKeyId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ApiKeyAuthenticationHandler.ApiKeyIdClaim), out var keyId) ? keyId : null;

    public static string GetUserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No user on this principal.");
}
