using System.Globalization;

namespace WebApp.Usage.Components;

/// <summary>What the usage chart plots.</summary>
public enum UsageMetric
{
    /// <summary>Minutes, not hours: the chart's axis counts in whole steps, and a day of a small team is minutes.</summary>
    AudioMinutes,
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
        UsageMetric.AudioMinutes => "Audio minutes",
        UsageMetric.Jobs => "Jobs",
        _ => "Failures",
    };

    public static double Value(UsageTotals totals, UsageMetric metric) => metric switch
    {
        UsageMetric.AudioMinutes => Math.Round(totals.AudioSeconds / 60, 2),
        UsageMetric.Jobs => totals.Jobs,
        _ => totals.Failures,
    };

    /// <summary>About five whole steps up the axis to the highest value (MudBlazor's axis steps are whole numbers).</summary>
    public static int AxisStep(IEnumerable<double> values) => Math.Max(1, (int)Math.Ceiling(values.DefaultIfEmpty(0).Max() / 5));

    /// <summary>"30 Nov" on about seven evenly spaced days and the last one; the others blank.</summary>
    public static string[] DayLabels(IReadOnlyList<DateOnly> days)
    {
        var step = Math.Max(1, (int)Math.Ceiling(days.Count / 7.0));
        return [.. days.Select((day, i) => i % step == 0 || i == days.Count - 1 ? day.ToString("d MMM", CultureInfo.InvariantCulture) : "")];
    }
}
