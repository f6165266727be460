using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace WebApp.Infrastructure;

/// <summary>
/// What the browser's file endpoints (uploads, whisper models) share: the file is the raw request body, streamed to
/// disk under a limit of our own, and the page's antiforgery token comes in a header.
/// </summary>
public static class StreamedBody
{
    /// <summary>Why the request cannot be taken (a form body, no valid token), as the page shows it; null when it can.</summary>
    public static async Task<ProblemHttpResult?> RefuseAsync(HttpContext http, IAntiforgery antiforgery)
    {
        // Antiforgery looks for its token in a form body; reading a multi-gigabyte form to find it would buffer the file.
        if (http.Request.HasFormContentType)
        {
            return TypedResults.Problem("Send the file itself as the request body, not as a form.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        return await antiforgery.IsRequestValidAsync(http)
            ? null
            : TypedResults.Problem("The page's security token is missing or has expired. Reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
    }

    /// <summary>Lifts Kestrel's 30 MB default body limit: the caller enforces its own while it streams.</summary>
    public static void LiftServerLimit(HttpContext http)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = null;
        }
    }

    /// <returns>Bytes copied, or -1 once more than <paramref name="maxBytes"/> arrived.</returns>
    public static async Task<long> CopyBoundedAsync(Stream source, Stream target, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                return -1;
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return total;
    }
}
