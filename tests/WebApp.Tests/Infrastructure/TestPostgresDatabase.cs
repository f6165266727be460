using Npgsql;

namespace WebApp.Tests.Infrastructure;

/// <summary>
/// A database of a test's own on the suite's PostgreSQL server (<c>./test.sh</c> starts it and sets
/// <c>VERBATIM_TEST_POSTGRES</c>); created by the migrations on first use, dropped on dispose.
/// </summary>
public sealed class TestPostgresDatabase : IAsyncDisposable
{
    public static string AdminConnectionString => Environment.GetEnvironmentVariable("VERBATIM_TEST_POSTGRES")
        ?? throw new InvalidOperationException("VERBATIM_TEST_POSTGRES is not set: run the suite with ./test.sh, which starts PostgreSQL.");

    public string Name { get; } = $"verbatim_test_{Guid.NewGuid():N}";

    public string ConnectionString => new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = Name }.ToString();

    public async ValueTask DisposeAsync()
    {
        // Pooled connections to it would keep it open; FORCE ends any that a server process left behind.
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException autovacuum) when (autovacuum.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                // FORCE may not end an autovacuum worker (it runs as the server's superuser, which the test role is
                // not): it is done with a database of this size in moments.
                await Task.Delay(500);
            }
        }
    }
}
