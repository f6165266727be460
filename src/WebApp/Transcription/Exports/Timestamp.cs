using System.Globalization;

namespace WebApp.Transcription.Exports;

/// <summary>A moment in a recording as people read it: 0:05, 12:34, 1:02:03.</summary>
public static class Timestamp
{
    public static string Format(int milliseconds)
    {
        var time = TimeSpan.FromMilliseconds(Math.Max(0, milliseconds));
        return time.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours}:{time.Minutes:00}:{time.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{time.Minutes}:{time.Seconds:00}");
    }
}
