using System.Globalization;
using WebApp.Transcription.Exports;

namespace WebApp.Library.Components;

/// <summary>How the library writes durations, times and counts.</summary>
public static class LibraryFormat
{
    /// <summary>"4:05" or "1:02:03"; "—" when not known (not transcribed yet, or failed).</summary>
    public static string Duration(double? seconds) => Timestamp.Duration(seconds);

    /// <summary>A moment in the audio, for "jump to" links: "1:23" or "1:02:03".</summary>
    public static string Moment(int milliseconds) => Timestamp.Format(milliseconds);

    /// <summary>The title without the file's extension ("weekly-sync.mp3" → "weekly-sync").</summary>
    public static string Title(string? title) => TranscriptTitles.Display(title);

    // Stored in UTC; the server cannot know the browser's time zone, so say which one this is.
    public static string Created(DateTime utc) => utc.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public static string Speakers(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? "—";

    public static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
