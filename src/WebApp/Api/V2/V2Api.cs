using Microsoft.AspNetCore.Authorization;
using WebApp.Accounts;
using WebApp.Limits;

namespace WebApp.Api.V2;

public static class V2Api
{
    /// <summary>What the API needs beyond the pipeline: signed links to redacted audio.</summary>
    public static void AddV2Api(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RedactedAudioLinks>();
    }

    /// <summary>The AssemblyAI-compatible API, authenticated by API key.</summary>
    public static void MapV2Api(this IEndpointRouteBuilder app)
    {
        var v2 = app.MapGroup("/v2")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ApiKeyAuthenticationHandler.SchemeName })
            .DisableAntiforgery()
            .RequireRateLimiting(ApiRateLimiting.PerApiKey)
            .WithTags("transcript");
        v2.MapUploadApi();
        v2.MapTranscriptApi();
        v2.MapTranscriptExportsApi();
        v2.MapRedactedAudioApi();
    }
}
