using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using WebApp.Accounts;
using WebApp.Data;

using WebApp.Teams;

namespace WebApp.Usage;

/// <summary>The usage feature's services and its CSV download, for team admins signed in to the browser app.</summary>
public static class UsageEndpoints
{
    /// <summary>What the page shows unless told otherwise: the last 30 days, today included.</summary>
    public const int DefaultDays = 30;

    public static void AddUsage(this IHostApplicationBuilder builder) => builder.Services.AddScoped<UsageReport>();

    public static void MapUsage(this IEndpointRouteBuilder app) => app.MapGet("/app/usage.csv", DownloadCsv).RequireAuthorization();

    public static string CsvUrl(DateOnly from, DateOnly to) => $"app/usage.csv?from={Date(from)}&to={Date(to)}";

    public static (DateOnly From, DateOnly To) DefaultRange(TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return (today.AddDays(1 - DefaultDays), today);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadCsv(
        HttpContext http, ApplicationDbContext db, UsageReport report, TimeProvider clock, string? from, string? to)
    {
        var (defaultFrom, defaultTo) = DefaultRange(clock);
        if (!TryParse(from, defaultFrom, out var first) || !TryParse(to, defaultTo, out var last))
        {
            return TypedResults.Problem("from and to must be dates written yyyy-MM-dd.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (last < first || last.DayNumber - first.DayNumber >= UsageReport.MaxDays)
        {
            return TypedResults.Problem($"to must not be before from, and a report covers at most {UsageReport.MaxDays} days.", statusCode: StatusCodes.Status400BadRequest);
        }

        var userId = http.User.GetUserId();
        // The team whose usage a signed-in user sees: the one they act for in the browser app.
        if (await db.FindActiveMembershipAsync(userId, http.RequestAborted) is not { CanManage: true, TeamId: var teamId })
        {
            return TypedResults.Problem("Only the team's admins can see its usage.", statusCode: StatusCodes.Status403Forbidden);
        }

        var summary = await report.ForTeamAsync(teamId, first, last, http.RequestAborted);
        return TypedResults.File(Encoding.UTF8.GetBytes(UsageCsv.Write(summary)), "text/csv; charset=utf-8", $"verbatim-usage-{Date(first)}-to-{Date(last)}.csv");
    }

    private static bool TryParse(string? value, DateOnly fallback, out DateOnly date)
    {
        date = fallback;
        return value is null || DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
