using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Data.Providers;
using WebApp.Tests.Infrastructure;
using WebApp.Usage;
using WebApp.Usage.Components;

namespace WebApp.Tests.Usage;

/// <summary>The usage page on a real SQLite database: totals, chart and tables for a team admin; nothing for a member.</summary>
public sealed class UsagePageTests : BunitContext, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly DbContextOptions<SqliteDbContext> options;
    private readonly ApplicationUser admin;
    private readonly ApplicationUser colleague;
    private readonly ApiKey key;
    private readonly Action<ApplicationUser> signIn;

    public UsagePageTests()
    {
        connection.Open();
        options = new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite(connection).Options;
        using var db = new SqliteDbContext(options);
        db.Database.EnsureCreated();
        admin = TestUsers.Add(db, "ada@example.com");
        colleague = TestUsers.Add(db, "cy@example.com");
        var stranger = TestUsers.Add(db, "eve@example.com");
        db.SaveChanges();
        // cy works in ada's team as a member (the app has no invitations yet; the row is what one would make).
        db.TeamMembers.Add(new TeamMember { TeamId = admin.PersonalTeamId, UserId = colleague.Id, Role = TeamRole.Member });
        key = new ApiKey { Id = Guid.NewGuid(), TeamId = admin.PersonalTeamId, UserId = admin.Id, Name = "Nightly batch", Prefix = "ab12cd", KeyHash = new string('0', 64) };
        db.ApiKeys.Add(key);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        db.UsageRecords.AddRange(
            Record(admin.PersonalTeamId, admin.Id, key.Id, today, 5400, failed: false),
            Record(admin.PersonalTeamId, admin.Id, key.Id, today.AddDays(-2), 0, failed: true),
            Record(admin.PersonalTeamId, colleague.Id, null, today.AddDays(-1), 1800, failed: false),
            Record(stranger.PersonalTeamId, stranger.Id, null, today, 36000, failed: false));
        db.SaveChanges();

        Services.AddScoped<ApplicationDbContext>(_ => new SqliteDbContext(options));
        Services.AddScoped<UsageReport>();
        Services.AddSingleton(TimeProvider.System);
        Services.AddMudServices();
        var authorization = AddAuthorization();
        signIn = user =>
        {
            authorization.SetAuthorized(user.Email!);
            authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, user.Id));
        };
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void Admin_SeesTheTeamsTotals_ChartAndTables_OnlyOfTheirTeam()
    {
        SignIn(admin);

        var page = Render<UsagePage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=usage-chart] svg")), Patience);
        Assert.Equal("2 h", page.Find("[data-testid=usage-total-hours] p").TextContent.Trim());
        Assert.Equal("3", page.Find("[data-testid=usage-total-jobs] p").TextContent.Trim());
        Assert.Equal("1", page.Find("[data-testid=usage-total-failures] p").TextContent.Trim());
        var members = page.FindAll("[data-testid=usage-by-member] [data-testid=usage-row]").Select(r => r.TextContent).ToList();
        Assert.Equal(2, members.Count);
        Assert.Contains("ada@example.com", members[0]);
        Assert.Contains("1.5 h", members[0]);
        Assert.Contains("cy@example.com", members[1]);
        var keys = page.FindAll("[data-testid=usage-by-key] [data-testid=usage-row]").Select(r => r.TextContent).ToList();
        Assert.Contains(keys, k => k.Contains("Nightly batch (ab12cd…)") && k.Contains("1.5 h"));
        Assert.Contains(keys, k => k.Contains(UsageReport.BrowserApp) && k.Contains("0.5 h"));
        Assert.DoesNotContain("eve@example.com", page.Markup);
        Assert.Contains("app/usage.csv?from=", page.Find("[data-testid=usage-csv]").GetAttribute("href"));
        // The chart draws its bars once the browser has measured its card: AppWalkthroughEndToEndTests counts them there.
        Assert.NotNull(page.Find("[data-testid=usage-chart] .mud-chart"));
    }

    [Fact]
    public void Member_IsRefused_AndSeesNoFigures()
    {
        SignIn(colleague);
        using (var db = new SqliteDbContext(options))
        {
            // cy acts for the team the page reports on; today that is the personal team, so make ada's cy's.
            db.Users.Where(u => u.Id == colleague.Id).ExecuteUpdate(s => s.SetProperty(u => u.PersonalTeamId, admin.PersonalTeamId));
        }

        var page = Render<UsagePage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=usage-refused]")), Patience);
        Assert.Empty(page.FindAll("[data-testid=usage-chart]"));
        Assert.Empty(page.FindAll("[data-testid=usage-csv]"));
        Assert.DoesNotContain("ada@example.com", page.Markup);
    }

    private void SignIn(ApplicationUser user) => signIn(user);

    private static UsageRecord Record(Guid teamId, string userId, Guid? keyId, DateOnly day, double seconds, bool failed) => new()
    {
        TranscriptId = Guid.NewGuid(),
        TeamId = teamId,
        UserId = userId,
        ApiKeyId = keyId,
        Day = day,
        EndedAt = day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
        AudioSeconds = seconds,
        Failed = failed,
    };

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await connection.DisposeAsync();
    }
}
