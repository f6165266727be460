using Microsoft.AspNetCore.Authorization;
using WebApp.Accounts;

namespace WebApp.Api.V2;

public static class V2Api
{
    /// <summary>What the API needs beyond the pipeline: signed links to redacted audio, and the answers of completed transcripts.</summary>
    public static void AddV2Api(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RedactedAudioLinks>();
        builder.Services.AddSingleton<TranscriptResponseCache>();
    }

    /// <summary>The AssemblyAI-compatible API, authenticated by API key.</summary>
    public static void MapV2Api(this IEndpointRouteBuilder app)
    {
        var v2 = app.MapGroup("/v2")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ApiKeyAuthenticationHandler.SchemeName })
            .DisableAntiforgery()
            .WithTags("transcript");
        v2.MapUploadApi();
        v2.MapTranscriptApi();
        v2.MapTranscriptExportsApi();
        v2.MapRedactedAudioApi();
    }
}
