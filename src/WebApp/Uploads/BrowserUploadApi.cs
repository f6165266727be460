using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using WebApp.Accounts;
using WebApp.Data;
using WebApp.Infrastructure;
using WebApp.Teams;
using WebApp.Transcription.Model;
using WebApp.Uploads;

namespace WebApp.Uploads;

/// <summary>What the browser gets back for a stored file; <see cref="UploadUrl"/> is what it then asks to transcribe.</summary>
public sealed record BrowserUpload(string UploadUrl, string? FileName, long SizeBytes);

/// <summary>
/// POST /app/uploads?name=&lt;file name&gt;: the new-transcript page's file upload. The page's script sends the file
/// itself as the body with XMLHttpRequest (for a real progress bar), so even hundreds of megabytes never pass through
/// the Blazor circuit or the server's memory: <see cref="UploadReceiver"/> streams them to disk, as for /v2/upload.
/// Signed-in browsers only (Identity cookie), with the page's antiforgery token in a header.
/// </summary>
public static class BrowserUploadApi
{
    public const string Path = "/app/uploads";

    public static void MapBrowserUploads(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, UploadAsync)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = IdentityConstants.ApplicationScheme })
            .ExcludeFromDescription();

    private static async Task<Results<Ok<BrowserUpload>, ProblemHttpResult>> UploadAsync(
        HttpContext http, IAntiforgery antiforgery, UploadReceiver receiver, ApplicationDbContext db, string? name)
    {
        if (await StreamedBody.RefuseAsync(http, antiforgery) is { } refused)
        {
            return refused;
        }

        var userId = http.User.GetUserId();
        if (await db.FindActiveMembershipAsync(userId, http.RequestAborted) is not { } membership)
        {
            return Problem(StatusCodes.Status403Forbidden, "You belong to no team.");
        }

        if (!membership.CanWrite)
        {
            return Problem(StatusCodes.Status403Forbidden, TeamPermissions.ViewerRefusal);
        }

        var received = await receiver.ReceiveAsync(http, membership.TeamId, userId, name);
        return received.Upload is { } upload
            ? TypedResults.Ok(new BrowserUpload(UploadUrls.For(http.Request, upload.Id), upload.FileName, upload.SizeBytes))
            : Problem(received.StatusCode, received.Error!);
    }

    private static ProblemHttpResult Problem(int statusCode, string detail) => TypedResults.Problem(detail, statusCode: statusCode);
}
