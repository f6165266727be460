using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using WebApp.Accounts;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Data.Providers;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Components;

/// <summary>
/// A bUnit context for the API keys page: MudBlazor, a real SQLite database in memory (kept alive by one open
/// connection) with a signed-in user and their personal team, and the real <see cref="ApiKeyService"/>.
/// </summary>
public abstract class ApiKeysPageContext : BunitContext, IAsyncLifetime
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly DbContextOptions<SqliteDbContext> options;

    protected ApiKeysPageContext()
    {
        connection.Open();
        options = new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite(connection).Options;
        using (var db = CreateDbContext())
        {
            db.Database.EnsureCreated();
            User = TestUsers.Add(db, "ann@example.com");
            OtherUser = TestUsers.Add(db, "bob@example.com");
            db.SaveChanges();
        }

        Services.AddScoped<ApplicationDbContext>(_ => CreateDbContext());
        Services.AddScoped<ApiKeyService>();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new WebApp.Infrastructure.VerbatimOptions()));
        Services.AddMudServices();
        var authorization = AddAuthorization();
        authorization.SetAuthorized(User.Email!);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, User.Id));

        // MudBlazor's JS calls (focus, popovers) have nothing to do here; the page is interactive (InteractiveServer).
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>The signed-in user.</summary>
    protected ApplicationUser User { get; }

    protected ApplicationUser OtherUser { get; }

    protected ApplicationDbContext CreateDbContext() => new SqliteDbContext(options);

    /// <summary>Runs the real service in a scope of its own, as the page does.</summary>
    protected async Task<T> WithKeysAsync<T>(Func<ApiKeyService, Task<T>> operation)
    {
        await using var scope = Services.CreateAsyncScope();
        return await operation(scope.ServiceProvider.GetRequiredService<ApiKeyService>());
    }

    /// <summary>A key made by <paramref name="owner"/> for <paramref name="teamId"/> (their personal team when null).</summary>
    protected async Task<CreatedApiKey> CreateKeyAsync(ApplicationUser owner, string name, Guid? teamId = null) =>
        await WithKeysAsync(keys => keys.CreateAsync(owner.Id, teamId ?? owner.PersonalTeamId, name))
        ?? throw new InvalidOperationException($"{owner.Email} is not in the team.");

    protected async Task JoinAsync(ApplicationUser user, Guid teamId, TeamRole role)
    {
        await using var db = CreateDbContext();
        db.TeamMembers.Add(new TeamMember { TeamId = teamId, UserId = user.Id, Role = role, JoinedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services can only be disposed asynchronously, and xUnit 2 disposes test classes synchronously
    // unless they implement IAsyncLifetime.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await connection.DisposeAsync();
    }
}
