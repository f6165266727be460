using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace WebApp.Transcription.Events;

/// <summary>
/// Lets a worker process publish to <see cref="TranscriptHub"/>: it sends Verbatim:Events:Secret as a bearer token
/// (the SignalR client's access token). Without a secret configured, nobody can publish from outside.
/// </summary>
public sealed class EventsPublisherAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptions<EventsOptions> events)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TranscriptEventsPublisher";
    public const string PublisherRole = "transcript-events-publisher";
    public const string PublisherPolicy = "TranscriptEventsPublisher";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = events.Value.Secret;
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(secret) || header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        // Hashing first makes the comparison constant-time whatever the lengths.
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        if (!CryptographicOperations.FixedTimeEquals(given, expected))
        {
            return Task.FromResult(AuthenticateResult.Fail("Wrong events secret."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "worker"), new Claim(ClaimTypes.Role, PublisherRole)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
