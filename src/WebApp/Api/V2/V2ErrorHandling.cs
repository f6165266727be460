using Microsoft.AspNetCore.WebUtilities;

namespace WebApp.Api.V2;

/// <summary>
/// Keeps AssemblyAI's error shape on every /v2 answer, including the ones no endpoint wrote: an unknown route is
/// 404 {"error": "Not found"} and an unexpected failure is 500 {"error": "Internal Server Error"}.
/// </summary>
public sealed class V2ErrorHandling(RequestDelegate next, ILogger<V2ErrorHandling> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!http.Request.Path.StartsWithSegments("/v2"))
        {
            await next(http);
            return;
        }

        try
        {
            await next(http);
        }
        catch (BadHttpRequestException ex) when (!http.Response.HasStarted)
        {
            await WriteAsync(http, ex.StatusCode, ex.StatusCode != StatusCodes.Status413PayloadTooLarge ? ex.Message
                : http.Request.Path.StartsWithSegments("/v2/upload") ? "File is too large." : BodyTooLarge(null));
            return;
        }
        catch (Exception ex) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(ex, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
            await WriteAsync(http, StatusCodes.Status500InternalServerError, "Internal Server Error");
            return;
        }

        if (!http.Response.HasStarted && http.Response.StatusCode >= 400 && http.Response.ContentLength is null && http.Response.ContentType is null)
        {
            var status = http.Response.StatusCode;
            await WriteAsync(http, status, status == StatusCodes.Status404NotFound
                ? "Not found"
                : ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } reason ? reason : $"HTTP {status}");
        }
    }

    public static string BodyTooLarge(long? maxBytes) =>
        maxBytes is null ? "Request body is too large." : $"Request body is too large: the limit is {maxBytes} bytes.";

    private static Task WriteAsync(HttpContext http, int status, string message)
    {
        http.Response.Clear();
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(new ApiError(message), V2Json.Options);
    }
}
