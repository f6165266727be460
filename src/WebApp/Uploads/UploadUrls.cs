using WebApp.Infrastructure;

namespace WebApp.Uploads;

/// <summary>
/// An upload's URL: <c>/v2/upload/&lt;id&gt;</c>, AssemblyAI's upload_url, which is also what the browser's uploads
/// return, so that a transcript request names its audio the same way from either.
/// </summary>
public static class UploadUrls
{
    private const string Prefix = "/v2/upload/";

    public static string PathFor(Guid uploadId) => Prefix + uploadId;

    /// <summary>The absolute upload_url of an upload, from the public base URL (or this request's host when none is set).</summary>
    public static string For(HttpRequest request, Guid uploadId) => ReverseProxy.PublicBaseUrl(request) + PathFor(uploadId);

    public static bool TryParse(Uri url, out Guid uploadId)
    {
        uploadId = Guid.Empty;
        var path = url.AbsolutePath;
        return path.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParse(path[Prefix.Length..], out uploadId);
    }
}
