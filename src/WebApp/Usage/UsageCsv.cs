using System.Globalization;
using System.Text;

namespace WebApp.Usage;

/// <summary>A usage report as CSV (RFC 4180): one line per day, member and key, as the report holds it.</summary>
public static class UsageCsv
{
    public const string Header = "day,member,user_id,api_key,api_key_id,jobs,failures,audio_seconds,audio_hours";

    public static string Write(UsageSummary summary)
    {
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        foreach (var line in summary.Lines)
        {
            string[] fields =
            [
                line.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                line.Member,
                line.UserId ?? "",
                line.Key,
                line.ApiKeyId?.ToString() ?? "",
                line.Totals.Jobs.ToString(CultureInfo.InvariantCulture),
                line.Totals.Failures.ToString(CultureInfo.InvariantCulture),
                line.Totals.AudioSeconds.ToString("0.###", CultureInfo.InvariantCulture),
                line.Totals.AudioHours.ToString("0.######", CultureInfo.InvariantCulture),
            ];
            csv.AppendJoin(',', fields.Select(Field)).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Field(string value)
    {
        // Key names are typed by people: one starting like a formula would run in a spreadsheet that opens the file.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
