using Microsoft.EntityFrameworkCore;

namespace WebApp.Data.Providers;

// One subclass per database so each keeps its own migrations (Data/Migrations/<Provider>).
public sealed class SqliteDbContext(DbContextOptions<SqliteDbContext> options) : ApplicationDbContext(options);

public sealed class PostgresDbContext(DbContextOptions<PostgresDbContext> options) : ApplicationDbContext(options);

public sealed class SqlServerDbContext(DbContextOptions<SqlServerDbContext> options) : ApplicationDbContext(options);
