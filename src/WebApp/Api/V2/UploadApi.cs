using Microsoft.AspNetCore.Http.HttpResults;
using WebApp.Accounts;
using WebApp.Infrastructure;
using WebApp.Uploads;

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

    private static async Task<Results<JsonHttpResult<UploadedFile>, JsonHttpResult<ApiError>>> Upload(HttpContext http, UploadReceiver receiver)
    {
        var received = await receiver.ReceiveAsync(http, http.User.GetTeamId(), http.User.GetUserId(), fileName: null);
        return received.Upload is null
            ? V2Json.Error(received.StatusCode, received.Error!)
            : V2Json.Ok(new UploadedFile(UploadUrls.For(http.Request, received.Upload.Id)));
    }
}
