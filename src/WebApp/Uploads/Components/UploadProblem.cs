using System.Text.Json;

namespace WebApp.Uploads.Components;

/// <summary>Why an upload did not work, in words for the person uploading.</summary>
public static class UploadProblem
{
    public static string Describe(UploadResponse response) => response.Status switch
    {
        0 => "The upload was interrupted. Check the connection and try again.",
        StatusCodes.Status401Unauthorized => "You have been signed out. Sign in again, then add the file again.",
        _ => Detail(response.Body) ?? $"The server refused the file (HTTP {response.Status}).",
    };

    // The endpoint answers ProblemDetails; a proxy in front might answer anything.
    private static string? Detail(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String ? detail.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
