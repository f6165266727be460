using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WebApp.Accounts;

/// <summary>
/// Empties the <see cref="ApiKeyCache"/> after any write to a table that decides what a key may do: API keys, team
/// members, users (lockouts, deletions) and teams. It watches the SQL itself rather than each service that writes,
/// so that no write path (SaveChanges, ExecuteUpdate, Identity's user store, a team's deletion) can be forgotten. A
/// write inside a transaction empties it again at commit, so a lookup made between the write and the commit (which
/// still saw the old row) is not kept.
/// </summary>
public sealed class ApiKeyWritesInterceptor(ApiKeyCache cache) : DbCommandInterceptor, IDbTransactionInterceptor
{
    // Names as they appear in the SQL of every provider ("ApiKeys", [ApiKeys]); "Teams" also covers "TeamMembers".
    private static readonly string[] Tables = ["ApiKeys", "Teams", "TeamMembers", "AspNetUsers"];

    private static readonly AsyncLocal<bool> RecordingUse = new();

    private readonly ConditionalWeakTable<DbTransaction, object> transactionsThatWrote = [];

    /// <summary>
    /// While the returned scope lasts, this flow's writes are taken to change nothing a lookup answers: the "last used"
    /// time, which would otherwise empty the cache once a minute for every key in use.
    /// </summary>
    public static IDisposable RecordingKeyUse()
    {
        RecordingUse.Value = true;
        return new UseScope();
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Saw(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Saw(command);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Saw(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saw(command);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Saw(command);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Saw(command);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(transaction);
        return Task.CompletedTask;
    }

    /// <summary>Whether the SQL may change a key's identity: anything but a query that names one of the tables.</summary>
    public static bool ChangesKeys(string sql)
    {
        var statement = sql.AsSpan().TrimStart();
        if (statement.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !statement.Contains(';'))
        {
            return false;
        }

        foreach (var table in Tables)
        {
            if (sql.Contains(table, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private void Saw(DbCommand command)
    {
        if (RecordingUse.Value || !ChangesKeys(command.CommandText))
        {
            return;
        }

        if (command.Transaction is { } transaction)
        {
            transactionsThatWrote.AddOrUpdate(transaction, transaction);
        }

        cache.Invalidate();
    }

    private void Committed(DbTransaction transaction)
    {
        if (transactionsThatWrote.Remove(transaction))
        {
            cache.Invalidate();
        }
    }

    private sealed class UseScope : IDisposable
    {
        public void Dispose() => RecordingUse.Value = false;
    }
}
