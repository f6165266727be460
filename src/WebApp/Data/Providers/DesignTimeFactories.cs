using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using WebApp.Accounts;

namespace WebApp.Data.Providers;

// Used only by `dotnet ef migrations add` (scripts/add-migration.sh), which needs a context per provider without
// starting the app. The connection strings are never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDbContext>
{
    public SqliteDbContext CreateDbContext(string[] args) => new(DesignTime.Options<SqliteDbContext>(o => o.UseSqlite("Data Source=design.db")));
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDbContext>
{
    public PostgresDbContext CreateDbContext(string[] args) => new(DesignTime.Options<PostgresDbContext>(o => o.UseNpgsql("Host=localhost;Database=verbatim")));
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerDbContext>
{
    public SqlServerDbContext CreateDbContext(string[] args) => new(DesignTime.Options<SqlServerDbContext>(o => o.UseSqlServer("Server=localhost;Database=verbatim")));
}

internal static class DesignTime
{
    // Identity shapes its tables from IdentityOptions (schema version), which it reads from the app's services.
    private static readonly IServiceProvider IdentityServices = new ServiceCollection()
        .Configure<IdentityOptions>(AccountsExtensions.ConfigureIdentity)
        .BuildServiceProvider();

    public static DbContextOptions<TContext> Options<TContext>(Action<DbContextOptionsBuilder<TContext>> provider)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>().UseApplicationServiceProvider(IdentityServices);
        provider(builder);
        return builder.Options;
    }
}
