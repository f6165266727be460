using System.Globalization;

namespace WebApp.Transcription.Exports;

/// <summary>A moment in a recording as people read it: 0:05, 12:34, 1:02:03.</summary>
public static class Timestamp
{
    /// <summary>
    /// A recording's length, in whole seconds cut down as media players count them (33.6 s is 0:33, as the player
    /// beside it shows): the library, the reader and the player agree. "—" when not known.
    /// </summary>
    public static string Duration(double? seconds) => seconds is { } value ? Format((int)Math.Floor(value * 1000)) : "—";

    public static string Format(int milliseconds)
    {
        var time = TimeSpan.FromMilliseconds(Math.Max(0, milliseconds));
        return time.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours}:{time.Minutes:00}:{time.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{time.Minutes}:{time.Seconds:00}");
    }
}
