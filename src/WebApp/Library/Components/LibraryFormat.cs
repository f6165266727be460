using System.Globalization;

namespace WebApp.Library.Components;

/// <summary>How the library writes durations, times and counts.</summary>
public static class LibraryFormat
{
    /// <summary>"4:05" or "1:02:03"; "—" when not known (not transcribed yet, or failed).</summary>
    public static string Duration(double? seconds)
    {
        if (seconds is not { } value)
        {
            return "—";
        }

        var time = TimeSpan.FromSeconds(Math.Round(value));
        return time.TotalHours >= 1
            ? time.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : time.ToString(@"m\:ss", CultureInfo.InvariantCulture);
    }

    /// <summary>A moment in the audio, for "jump to" links: "1:23" or "1:02:03".</summary>
    public static string Moment(int milliseconds) => Duration(milliseconds / 1000.0);

    // Stored in UTC; the server cannot know the browser's time zone, so say which one this is.
    public static string Created(DateTime utc) => utc.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public static string Speakers(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? "—";

    public static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
