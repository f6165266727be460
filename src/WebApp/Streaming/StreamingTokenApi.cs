using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using WebApp.Accounts;
using WebApp.Cluster;
using WebApp.Regions;

namespace WebApp.Streaming;

/// <summary>
/// <c>GET /v3/token</c>: a temporary token for a browser, so an API key never reaches a page. For a remote region (its
/// prefix, or the team's default) the upstream mints it (<see cref="RegionStreamRelay"/>).
/// </summary>
public static class StreamingTokenApi
{
    public const int MinExpiresInSeconds = 1;
    public const int MaxExpiresInSeconds = 600;
    public const int MinSessionSeconds = 60;
    public const int MaxSessionSeconds = 10800;

    public sealed record TokenResponse(
        [property: JsonPropertyName("token")] string Token, [property: JsonPropertyName("expires_in_seconds")] int ExpiresInSeconds);

    public sealed record ErrorResponse([property: JsonPropertyName("error")] string Error);

    public static async Task<Results<Ok<TokenResponse>, BadRequest<ErrorResponse>, JsonHttpResult<ErrorResponse>, ContentHttpResult>> CreateAsync(
        HttpContext context, StreamingTokens tokens, TeamRegions teamRegions, RegionStreamRelay relay, IOptions<StreamingOptions> options,
        ILogger<StreamingTokens> logger)
    {
        var teamId = context.User.GetTeamId();
        var choice = await teamRegions.ChooseAsync(teamId, context.RequestedRegion(), context.RequestAborted);
        if (choice.Region is null)
        {
            return TypedResults.Json(new ErrorResponse(choice.Error!), statusCode: choice.StatusCode);
        }

        var grant = new StreamingGrant(teamId, context.User.GetUserId(), options.Value.MaxSessionSeconds);
        if (choice.Region.IsRemote)
        {
            var apiKey = await teamRegions.UpstreamKeyAsync(teamId, choice.Region.Name, context.RequestAborted);
            return await relay.RelayTokenAsync(choice.Region, apiKey!, grant, context.Request);
        }

        try
        {
            return await CreateAsync(context, tokens, grant);
        }
        catch (Exception unreachable) when (unreachable.IsRedisOutage())
        {
            logger.LogError(unreachable, "A streaming token could not be stored in Redis");
            return TypedResults.Json(new ErrorResponse("Temporary tokens cannot be issued right now; try again shortly."), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static async Task<Results<Ok<TokenResponse>, BadRequest<ErrorResponse>, JsonHttpResult<ErrorResponse>, ContentHttpResult>> CreateAsync(HttpContext context, StreamingTokens tokens, StreamingGrant grant)
    {
        var query = context.Request.Query;
        var expires = ReadInt(query["expires_in_seconds"], "expires_in_seconds", MinExpiresInSeconds, MaxExpiresInSeconds, required: true, out var problem);
        var session = problem is null
            ? ReadInt(query["max_session_duration_seconds"], "max_session_duration_seconds", MinSessionSeconds, MaxSessionSeconds, required: false, out problem)
            : null;
        if (problem is not null)
        {
            return TypedResults.BadRequest(new ErrorResponse(problem));
        }

        grant = grant with { MaxSessionSeconds = Math.Min(session ?? MaxSessionSeconds, grant.MaxSessionSeconds) };
        return TypedResults.Ok(new TokenResponse(await tokens.IssueAsync(grant, TimeSpan.FromSeconds(expires!.Value)), expires.Value));
    }

    private static int? ReadInt(string? value, string name, int min, int max, bool required, out string? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(value))
        {
            problem = required ? $"{name} is required" : null;
            return null;
        }

        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            problem = $"{name} must be an integer";
            return null;
        }

        if (number < min || number > max)
        {
            problem = $"{name} must be between {min} and {max} seconds";
            return null;
        }

        return number;
    }
}
