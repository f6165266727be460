using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WebApp.Accounts;
using WebApp.Cluster;
using WebApp.Teams;
using WebApp.Transcription.Engines.Remote;
using WebApp.Limits;

namespace WebApp.Api.V2;

public static class V2Api
{
    /// <summary>What the API needs beyond the pipeline: signed links to redacted audio, the wire format remote regions speak, and the answers of completed transcripts.</summary>
    public static void AddV2Api(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RedactedAudioLinks>();
        builder.Services.AddSingleton<IRemoteWireFormat, RemoteWireFormat>();
        // Answering from memory needs every writer of transcripts in this process: a single server, not a cluster.
        var cluster = ClusterOptions.From(builder.Configuration);
        builder.Services.AddSingleton(new TranscriptResponseCache { AnswersWithoutReading = cluster.Role == NodeRole.All && cluster.Redis is not { Length: > 0 } });
        builder.Services.AddSingleton<IInterceptor, TranscriptWritesInterceptor>();
    }

    /// <summary>The AssemblyAI-compatible API, authenticated by API key.</summary>
    public static void MapV2Api(this IEndpointRouteBuilder app)
    {
        var v2 = app.MapGroup("/v2")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ApiKeyAuthenticationHandler.SchemeName })
            .DisableAntiforgery()
            .RequireRateLimiting(ApiRateLimiting.PerApiKey)
            .WithTags("transcript");
        // Whatever is not a read changes the team's data (upload, transcribe, delete): a viewer's key is refused before
        // any of it runs, with AssemblyAI's error shape and the 403 it gives for what a key may not touch.
        v2.AddEndpointFilter(async (context, next) =>
            HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method)
                || ApiKeyAuthenticationHandler.CanWrite(context.HttpContext.User)
                ? await next(context)
                : TypedResults.Json(new { error = TeamPermissions.ViewerRefusal }, statusCode: StatusCodes.Status403Forbidden));
        v2.MapUploadApi();
        v2.MapTranscriptApi();
        v2.MapTranscriptExportsApi();
        v2.MapRedactedAudioApi();
    }
}
