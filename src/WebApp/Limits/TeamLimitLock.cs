using Microsoft.EntityFrameworkCore;
using WebApp.Data;

namespace WebApp.Limits;

/// <summary>
/// One count-then-decide at a time per team for its limits (jobs admitted, storage used): within a process a
/// semaphore, across processes the database's own named lock on the team, so two nodes deciding at the same moment
/// cannot both see room for one more.
/// </summary>
public sealed class TeamLimitLock
{
    private readonly SemaphoreSlim deciding = new(1, 1);

    /// <summary>Runs <paramref name="decide"/> in a transaction of <paramref name="db"/> holding the team's lock, and commits it.</summary>
    public async Task<T> DecideAsync<T>(ApplicationDbContext db, Guid teamId, Func<Task<T>> decide, CancellationToken cancellationToken)
    {
        await deciding.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await TeamLockAsync(db, teamId, cancellationToken);
            var decision = await decide();
            await transaction.CommitAsync(cancellationToken);
            return decision;
        }
        finally
        {
            deciding.Release();
        }
    }

    /// <summary>
    /// Holds the team's lock until the transaction ends: the databases' own named locks, taken without writing to the
    /// team's row (a write there would empty every node's API-key cache on each submit). SQLite needs none: it serves a
    /// single process, where the semaphore already decides one at a time.
    /// </summary>
    private static async Task TeamLockAsync(ApplicationDbContext db, Guid teamId, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            var bytes = teamId.ToByteArray();
            var key = BitConverter.ToInt64(bytes, 0) ^ BitConverter.ToInt64(bytes, 8);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);
        }
        else if (db.Database.IsSqlServer())
        {
            var resource = "verbatim-team-limits-" + teamId.ToString("N");
            await db.Database.ExecuteSqlAsync($"EXEC sp_getapplock @Resource = {resource}, @LockMode = 'Exclusive', @LockOwner = 'Transaction'", cancellationToken);
        }
    }
}
