namespace WebApp.Transcription.Formatting;

/// <summary>Month and weekday names, which are capitalised and anchor dates.</summary>
internal static class CalendarWords
{
    public static readonly IReadOnlyList<string> Months =
    [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ];

    public static readonly IReadOnlySet<string> Weekdays =
        new HashSet<string>(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"], StringComparer.Ordinal);

    /// <summary>Also ordinary words ("you may", "we march"): only a month when a day or year follows.</summary>
    public static readonly IReadOnlySet<string> AmbiguousMonths = new HashSet<string>(["may", "march"], StringComparer.Ordinal);

    private static readonly HashSet<string> MonthSet = new(Months, StringComparer.Ordinal);

    public static bool IsMonth(string lowerWord) => MonthSet.Contains(lowerWord);
}
