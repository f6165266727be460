using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using WebApp.Accounts;

namespace WebApp.Limits;

/// <summary>
/// The request rate of each API key (ASP.NET Core's rate limiter, a token bucket per key sized by its team's
/// RequestsPerMinute): past it, 429 with Retry-After and AssemblyAI's {"error": …}.
/// </summary>
public static class ApiRateLimiting
{
    public const string PerApiKey = "per-api-key";

    public static void AddApiRateLimiting(this IServiceCollection services) =>
        services.AddRateLimiter(rateLimiter =>
        {
            rateLimiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            rateLimiter.AddPolicy(PerApiKey, http =>
            {
                var keyId = http.User.FindFirstValue(ApiKeyAuthenticationHandler.ApiKeyIdClaim);
                if (keyId is null)
                {
                    return RateLimitPartition.GetNoLimiter("no-key");
                }

                var perMinute = http.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value.For(http.User.GetTeamId()).RequestsPerMinute;
                return perMinute is not { } permits
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    // The partition key carries the limit, so a changed setting takes effect on a fresh bucket.
                    : RateLimitPartition.GetTokenBucketLimiter($"{keyId}/{permits}", _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = permits,
                        TokensPerPeriod = Math.Max(1, permits / 60),
                        ReplenishmentPeriod = TimeSpan.FromSeconds(permits >= 60 ? 1 : 60.0 / permits),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    });
            });
            rateLimiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.Response.WriteAsJsonAsync(
                    new { error = $"Too many requests: this API key's limit is reached. Try again in {seconds} s." }, cancellationToken);
            };
        });
}
