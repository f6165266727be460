namespace WebApp.Transcription.Exports;

/// <summary>
/// A transcript's title as pages show it: an uploaded file's name without its media extension ("weekly-sync.mp3" is
/// "weekly-sync"). The stored title keeps the file name, which the reader shows among the details.
/// </summary>
public static class TranscriptTitles
{
    public const string Untitled = "Untitled";

    // Only what people upload: a title like "v2.final" or "Q3 notes.v1" keeps its dot.
    private static readonly HashSet<string> MediaExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".mp3", ".wav", ".m4a", ".mp4", ".m4v", ".ogg", ".oga", ".opus", ".flac", ".webm", ".aac", ".wma", ".mov", ".mkv", ".avi",
        ".3gp", ".amr", ".aif", ".aiff", ".caf", ".mpeg", ".mpg", ".mpga", ".wv", ".spx",
    };

    public static string Display(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return Untitled;
        }

        var extension = Path.GetExtension(title);
        return MediaExtensions.Contains(extension) && title.Length > extension.Length ? title[..^extension.Length] : title;
    }

    /// <summary>The file name behind the title, when the page shows it shortened; else null.</summary>
    public static string? FileName(string? title) => title is not null && Display(title) != title ? title : null;
}
