using System.Globalization;

namespace WebApp.Usage.Components;

/// <summary>What the usage chart plots.</summary>
public enum UsageMetric
{
    AudioHours,
    Jobs,
    Failures,
}

/// <summary>How the usage page writes hours, counts and days.</summary>
public static class UsageFormat
{
    /// <summary>"2.35 h"; "0 h" when nothing was transcribed.</summary>
    public static string Hours(double seconds) => (seconds / 3600).ToString("0.##", CultureInfo.InvariantCulture) + " h";

    public static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);

    public static string MetricName(UsageMetric metric) => metric switch
    {
        UsageMetric.AudioHours => "Audio hours",
        UsageMetric.Jobs => "Jobs",
        _ => "Failures",
    };

    public static double Value(UsageTotals totals, UsageMetric metric) => metric switch
    {
        UsageMetric.AudioHours => Math.Round(totals.AudioHours, 3),
        UsageMetric.Jobs => totals.Jobs,
        _ => totals.Failures,
    };

    /// <summary>"30 Nov" on about seven evenly spaced days and the last one; the others blank.</summary>
    public static string[] DayLabels(IReadOnlyList<DateOnly> days)
    {
        var step = Math.Max(1, (int)Math.Ceiling(days.Count / 7.0));
        return [.. days.Select((day, i) => i % step == 0 || i == days.Count - 1 ? day.ToString("d MMM", CultureInfo.InvariantCulture) : "")];
    }
}
