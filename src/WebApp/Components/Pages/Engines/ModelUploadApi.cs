using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using WebApp.Accounts;
using WebApp.Infrastructure;
using WebApp.Transcription.Engines.Whisper;

namespace WebApp.Components.Pages.Engines;

public sealed record InstalledModel(string EngineName);

/// <summary>
/// POST /app/models?name=ggml-&lt;model&gt;.bin: the engines page's "add a model". The file is the request body,
/// streamed to disk (models are gigabytes); the server's administrator only, with the page's antiforgery token.
/// </summary>
public static class ModelUploadApi
{
    public const string Path = "/app/models";

    public static void MapModelUploads(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, InstallAsync)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = IdentityConstants.ApplicationScheme, Policy = ServerAdministratorRequirement.Policy })
            .ExcludeFromDescription();

    private static async Task<Results<Ok<InstalledModel>, ProblemHttpResult>> InstallAsync(
        HttpContext http, IAntiforgery antiforgery, WhisperModelInstaller installer, string? name)
    {
        if (await StreamedBody.RefuseAsync(http, antiforgery) is { } refused)
        {
            return refused;
        }

        // The installer bounds the size itself (Verbatim:Engines:Whisper:MaxModelBytes).
        StreamedBody.LiftServerLimit(http);

        var result = await installer.InstallAsync(name, http.Request.Body, http.RequestAborted);
        return result.EngineName is { } engine
            ? TypedResults.Ok(new InstalledModel(engine))
            : TypedResults.Problem(result.Error, statusCode: result.StatusCode);
    }
}
