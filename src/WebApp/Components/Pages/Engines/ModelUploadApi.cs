using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using WebApp.Accounts;
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
        if (http.Request.HasFormContentType)
        {
            return TypedResults.Problem("Send the model file itself as the request body, not as a form.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem("The page's security token is missing or has expired. Reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
        }

        // The installer bounds the size itself (Verbatim:Engines:Whisper:MaxModelBytes); Kestrel's 30 MB default would stop any model.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = null;
        }

        var result = await installer.InstallAsync(name, http.Request.Body, http.RequestAborted);
        return result.EngineName is { } engine
            ? TypedResults.Ok(new InstalledModel(engine))
            : TypedResults.Problem(result.Error, statusCode: result.StatusCode);
    }
}
