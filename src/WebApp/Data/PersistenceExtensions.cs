using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using WebApp.Data.Providers;
using WebApp.Infrastructure;

namespace WebApp.Data;

public static class PersistenceExtensions
{
    public static void AddPersistence(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<VerbatimOptions>().BindConfiguration(VerbatimOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.Provider == DatabaseProvider.Sqlite || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Verbatim:Database:ConnectionString is required for the Postgres and SqlServer providers.")
            .ValidateOnStart();

        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var dataDirectory = (builder.Configuration.GetSection(VerbatimOptions.Section).Get<VerbatimOptions>() ?? new VerbatimOptions()).DataDirectoryFullPath;
        var connectionString = ResolveConnectionString(database, dataDirectory);

        // The keys behind sign-in cookies, antiforgery tokens and redacted-audio links: kept with the data, so a restart
        // (or a new container on the same volume) does not sign everyone out and void every link.
        builder.Services.AddDataProtection()
            .SetApplicationName("Verbatim")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));

        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                Register<SqliteDbContext>(builder.Services, o => o.UseSqlite(connectionString));
                break;
            case DatabaseProvider.Postgres:
                Register<PostgresDbContext>(builder.Services, o => o.UseNpgsql(connectionString));
                break;
            case DatabaseProvider.SqlServer:
                Register<SqlServerDbContext>(builder.Services, o => o.UseSqlServer(connectionString));
                break;
        }
    }

    /// <summary>The connection string in effect: the configured one, or the embedded SQLite file in the data directory.</summary>
    public static string ResolveConnectionString(DatabaseOptions database, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(database.ConnectionString))
        {
            return database.ConnectionString;
        }

        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "verbatim.db"), Pooling = true }.ToString();
    }

    // Components and jobs ask for ApplicationDbContext (scoped) or IDbContextFactory<ApplicationDbContext>
    // (Blazor components, which outlive a single operation); both are served by the provider's subclass.
    private static void Register<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : ApplicationDbContext
    {
        // Features watch the database through interceptors they register (e.g. Accounts/ApiKeyWritesInterceptor).
        services.AddDbContextFactory<TContext>((sp, options) =>
        {
            configure(options);
            options.AddInterceptors(sp.GetServices<IInterceptor>());
        });
        services.AddSingleton<IDbContextFactory<ApplicationDbContext>>(sp => new UpcastFactory<TContext>(sp.GetRequiredService<IDbContextFactory<TContext>>()));
        services.AddScoped<ApplicationDbContext>(sp => sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext());
    }

    /// <summary>Creates the data directory and brings the database schema up to date.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<IOptions<VerbatimOptions>>().Value;
        Directory.CreateDirectory(options.DataDirectoryFullPath);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        if (db.Database.IsSqlite())
        {
            // WAL lets the API read while a job writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
    }

    private sealed class UpcastFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<ApplicationDbContext>
        where TContext : ApplicationDbContext
    {
        public ApplicationDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
