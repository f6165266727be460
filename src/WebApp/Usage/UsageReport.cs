using Microsoft.EntityFrameworkCore;
using WebApp.Data;

namespace WebApp.Usage;

/// <summary>Jobs, failures and audio transcribed: for one day, one member, one key, or all of a report.</summary>
public sealed record UsageTotals(int Jobs, int Failures, double AudioSeconds)
{
    public static readonly UsageTotals None = new(0, 0, 0);

    public double AudioHours => AudioSeconds / 3600;

    public UsageTotals Plus(UsageTotals other) => new(Jobs + other.Jobs, Failures + other.Failures, AudioSeconds + other.AudioSeconds);
}

/// <summary>One day's usage by one member through one way in (an API key, or the browser app when <see cref="ApiKeyId"/> is null).</summary>
public sealed record UsageLine(DateOnly Day, string? UserId, string Member, Guid? ApiKeyId, string Key, UsageTotals Totals);

/// <summary>A team's usage over a range of days (UTC), in the finest grain and summed the ways the page shows it.</summary>
public sealed record UsageSummary(DateOnly From, DateOnly To, IReadOnlyList<UsageLine> Lines)
{
    public UsageTotals Total => Sum(Lines);

    /// <summary>Every day of the range, in order, including days without a job.</summary>
    public IReadOnlyList<(DateOnly Day, UsageTotals Totals)> ByDay()
    {
        var days = Lines.GroupBy(l => l.Day).ToDictionary(g => g.Key, Sum);
        var result = new List<(DateOnly, UsageTotals)>();
        for (var day = From; day <= To; day = day.AddDays(1))
        {
            result.Add((day, days.GetValueOrDefault(day, UsageTotals.None)));
        }

        return result;
    }

    public IReadOnlyList<(string Member, UsageTotals Totals)> ByMember() =>
        [.. Lines.GroupBy(l => (l.UserId, l.Member)).Select(g => (g.Key.Member, Sum(g))).OrderByDescending(m => m.Item2.AudioSeconds).ThenBy(m => m.Member, StringComparer.Ordinal)];

    public IReadOnlyList<(string Key, UsageTotals Totals)> ByKey() =>
        [.. Lines.GroupBy(l => (l.ApiKeyId, l.Key)).Select(g => (g.Key.Key, Sum(g))).OrderByDescending(k => k.Item2.AudioSeconds).ThenBy(k => k.Key, StringComparer.Ordinal)];

    private static UsageTotals Sum(IEnumerable<UsageLine> lines) => lines.Aggregate(UsageTotals.None, (sum, line) => sum.Plus(line.Totals));
}

/// <summary>Reads a team's usage records; whoever calls it has checked that the caller may see them (TeamAdmins).</summary>
public sealed class UsageReport(ApplicationDbContext db)
{
    /// <summary>What the report says for the browser app, which uses no key.</summary>
    public const string BrowserApp = "Browser app";

    public const string DeletedAccount = "(deleted account)";

    public const string DeletedKey = "(deleted key)";

    /// <summary>The longest range one report covers: a few years of days.</summary>
    public const int MaxDays = 1000;

    public async Task<UsageSummary> ForTeamAsync(Guid teamId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var groups = await db.UsageRecords.AsNoTracking()
            .Where(u => u.TeamId == teamId && u.Day >= from && u.Day <= to)
            .GroupBy(u => new { u.Day, u.UserId, u.ApiKeyId })
            .Select(g => new { g.Key.Day, g.Key.UserId, g.Key.ApiKeyId, Jobs = g.Count(), Failures = g.Count(u => u.Failed), Seconds = g.Sum(u => u.AudioSeconds) })
            .ToListAsync(cancellationToken);

        var userIds = groups.Select(g => g.UserId).OfType<string>().Distinct().ToList();
        var members = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Email ?? u.UserName ?? u.Id, cancellationToken);
        var keyIds = groups.Select(g => g.ApiKeyId).OfType<Guid>().Distinct().ToList();
        // Scoped to the team as well: a key id in a record is the team's own, but a report never reads past its team.
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.TeamId == teamId && keyIds.Contains(k.Id))
            .ToDictionaryAsync(k => k.Id, k => $"{k.Name} ({k.Prefix}…)", cancellationToken);

        var lines = groups
            .Select(g => new UsageLine(
                g.Day,
                g.UserId,
                g.UserId is { } user && members.TryGetValue(user, out var member) ? member : DeletedAccount,
                g.ApiKeyId,
                g.ApiKeyId is not { } key ? BrowserApp : keys.GetValueOrDefault(key, DeletedKey),
                new UsageTotals(g.Jobs, g.Failures, g.Seconds)))
            .OrderBy(l => l.Day).ThenBy(l => l.Member, StringComparer.Ordinal).ThenBy(l => l.Key, StringComparer.Ordinal)
            .ToList();
        return new UsageSummary(from, to, lines);
    }
}
