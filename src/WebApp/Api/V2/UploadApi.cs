using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using WebApp.Accounts;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Infrastructure;

namespace WebApp.Api.V2;

/// <summary>POST /v2/upload: the raw bytes of a media file in, an upload_url out.</summary>
public static class UploadApi
{
    public static RouteGroupBuilder MapUploadApi(this RouteGroupBuilder v2)
    {
        v2.MapPost("/upload", Upload)
            .WithName("uploadFile")
            .AddOpenApiOperationTransformer(OpenApiBodies.Describe("application/octet-stream", "The media file's bytes."))
            .Produces<UploadedFile>()
            .Produces<ApiError>(StatusCodes.Status400BadRequest)
            .Produces<ApiError>(StatusCodes.Status413PayloadTooLarge);
        return v2;
    }

    /// <summary>The path an upload_url has; a transcript request naming it is served from the upload store.</summary>
    public static string UploadPath(Guid uploadId) => $"/v2/upload/{uploadId}";

    public static bool TryParseUploadUrl(Uri url, out Guid uploadId)
    {
        uploadId = Guid.Empty;
        var path = url.AbsolutePath;
        return path.StartsWith("/v2/upload/", StringComparison.Ordinal) && Guid.TryParse(path["/v2/upload/".Length..], out uploadId);
    }

    private static async Task<Results<JsonHttpResult<UploadedFile>, JsonHttpResult<ApiError>>> Upload(
        HttpContext http, UploadStore store, ApplicationDbContext db, IOptions<UploadOptions> options, TimeProvider clock, ILoggerFactory loggers)
    {
        var maxBytes = options.Value.MaxBytes;
        if (http.Request.ContentLength > maxBytes)
        {
            return V2Json.Error(StatusCodes.Status413PayloadTooLarge, $"File is too large: the limit is {maxBytes} bytes.");
        }

        // Kestrel's own 30 MB default would cut large uploads off; the store enforces our limit while it streams.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = null;
        }

        var teamId = http.User.GetTeamId();
        var uploadId = Guid.NewGuid();
        var size = await store.SaveAsync(teamId, uploadId, http.Request.Body, maxBytes, http.RequestAborted);
        if (size is null)
        {
            return V2Json.Error(StatusCodes.Status413PayloadTooLarge, $"File is too large: the limit is {maxBytes} bytes.");
        }

        if (size == 0)
        {
            store.Delete(teamId, uploadId);
            return V2Json.Error(StatusCodes.Status400BadRequest, "The uploaded file is empty.");
        }

        db.Uploads.Add(new StoredUpload
        {
            Id = uploadId,
            TeamId = teamId,
            UserId = http.User.GetUserId(),
            SizeBytes = size.Value,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(http.RequestAborted);
        loggers.CreateLogger(typeof(UploadApi)).LogInformation("Stored upload {UploadId} ({Bytes} bytes) for team {TeamId}", uploadId, size, teamId);
        return V2Json.Ok(new UploadedFile($"{http.Request.Scheme}://{http.Request.Host}{UploadPath(uploadId)}"));
    }
}
