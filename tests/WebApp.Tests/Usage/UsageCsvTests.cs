using WebApp.Usage;

namespace WebApp.Tests.Usage;

public sealed class UsageCsvTests
{
    [Fact]
    public void Write_OneLinePerDayMemberAndKey_QuotingAndDisarmingWhatPeopleTyped()
    {
        var keyId = Guid.NewGuid();
        var day = new DateOnly(2026, 11, 29);
        var summary = new UsageSummary(day, day.AddDays(1),
        [
            new UsageLine(day, "u1", "ann@example.com", keyId, "=HYPERLINK(\"x\"), \"quoted\"", new UsageTotals(3, 1, 5400)),
            new UsageLine(day.AddDays(1), null, UsageReport.DeletedAccount, null, UsageReport.BrowserApp, new UsageTotals(1, 0, 12.3456)),
        ]);

        var lines = UsageCsv.Write(summary).Split("\r\n");

        Assert.Equal(
        [
            UsageCsv.Header,
            $"2026-11-29,ann@example.com,u1,\"'=HYPERLINK(\"\"x\"\"), \"\"quoted\"\"\",{keyId},3,1,5400,1.5",
            "2026-11-30,(deleted account),,Browser app,,1,0,12.346,0.003429",
            "",
        ], lines);
        Assert.Equal(new UsageTotals(4, 1, 5412.3456), summary.Total);
        Assert.Equal(2, summary.ByDay().Count);
    }
}
