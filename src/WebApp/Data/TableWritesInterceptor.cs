using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WebApp.Data;

/// <summary>
/// Calls <see cref="Written"/> after any write that names one of <see cref="Tables"/>, for caches that must forget
/// what such a write could change. It watches the SQL itself rather than each service that writes, so that no write
/// path (SaveChanges, ExecuteUpdate, Identity's user store, a team's deletion) can be forgotten. A write inside a
/// transaction calls it again at commit, so that a read made between the write and the commit (which still saw the
/// old row) is not kept. Only this process's writes are seen: a cache shared by several processes needs more.
/// </summary>
public abstract class TableWritesInterceptor : DbCommandInterceptor, IDbTransactionInterceptor
{
    private static readonly AsyncLocal<bool> Ignoring = new();

    private readonly ConditionalWeakTable<DbTransaction, object> transactionsThatWrote = [];

    /// <summary>Table names as they appear in the SQL of every provider ("ApiKeys", [ApiKeys]).</summary>
    protected abstract string[] Tables { get; }

    protected abstract void Written();

    /// <summary>
    /// While the returned scope lasts, this flow's writes change nothing any cache keeps (e.g. an API key's "last
    /// used" time, which would otherwise empty the key cache once a minute for every key in use).
    /// </summary>
    public static IDisposable Unwatched()
    {
        Ignoring.Value = true;
        return new IgnoringScope();
    }

    /// <summary>Whether the SQL may change one of the tables: anything but a single query that names one.</summary>
    public static bool Writes(string sql, string[] tables)
    {
        var statement = sql.AsSpan().TrimStart();
        if (statement.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !statement.Contains(';'))
        {
            return false;
        }

        foreach (var table in tables)
        {
            if (sql.Contains(table, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
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

    private void Saw(DbCommand command)
    {
        if (Ignoring.Value || !Writes(command.CommandText, Tables))
        {
            return;
        }

        if (command.Transaction is { } transaction)
        {
            transactionsThatWrote.AddOrUpdate(transaction, transaction);
        }

        Written();
    }

    private void Committed(DbTransaction transaction)
    {
        if (transactionsThatWrote.Remove(transaction))
        {
            Written();
        }
    }

    private sealed class IgnoringScope : IDisposable
    {
        public void Dispose() => Ignoring.Value = false;
    }
}
