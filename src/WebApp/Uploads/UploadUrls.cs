using WebApp.Regions;

namespace WebApp.Uploads;

/// <summary>
/// An upload's URL: <c>/v2/upload/&lt;id&gt;</c>, AssemblyAI's upload_url, which is also what the browser's uploads
/// return, so that a transcript request names its audio the same way from either.
/// </summary>
public static class UploadUrls
{
    private const string Prefix = "/v2/upload/";

    public static string PathFor(Guid uploadId) => Prefix + uploadId;

    /// <summary>The absolute upload_url of an upload, under the base URL (and region prefix) the request came to.</summary>
    public static string For(HttpRequest request, Guid uploadId) => $"{request.ApiBaseUrl()}{PathFor(uploadId)}";

    /// <summary>An upload URL, plain or under a region prefix (<c>/eu/v2/upload/&lt;id&gt;</c>).</summary>
    public static bool TryParse(Uri url, out Guid uploadId)
    {
        uploadId = Guid.Empty;
        var path = url.AbsolutePath;
        var start = path.IndexOf(Prefix, StringComparison.Ordinal);
        var prefixIsOneSegment = start == 0 || (start > 1 && path.LastIndexOf('/', start - 1) == 0);
        return start >= 0 && prefixIsOneSegment && Guid.TryParse(path[(start + Prefix.Length)..], out uploadId);
    }
}
