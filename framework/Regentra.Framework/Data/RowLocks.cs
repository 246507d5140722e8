using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Regentra.Framework.Data;

/// <summary>
/// Counter rows that double as locks: one statement creates the row on first use or increments it, and the row stays
/// locked by the current transaction until it ends, so concurrent callers for the same key take turns. This is how
/// ticket and invoice numbers stay gapless and how "check, then write" rules (a technician's 24-hour day, a client's
/// period invoiced once) cannot be raced. PostgreSQL and SQLite both understand INSERT … ON CONFLICT … DO UPDATE.
/// </summary>
public static class RowLocks
{
    /// <param name="table">A table of ours, e.g. "PsaTicketSequences" (never user input: it is part of the SQL text).</param>
    /// <param name="counter">The integer column to increment.</param>
    /// <param name="key">The key columns and their values (bound as parameters).</param>
    public static Task IncrementAsync(this DatabaseFacade database, string table, string counter,
        IReadOnlyList<(string Column, object Value)> key, CancellationToken cancellationToken)
    {
        if (database.CurrentTransaction is null)
        {
            throw new InvalidOperationException($"{table} is a lock row: take it inside the transaction whose work it protects.");
        }

        var columns = string.Join(", ", key.Select(k => $"\"{k.Column}\""));
        var values = string.Join(", ", key.Select((_, i) => $"{{{i}}}"));
        var sql = $"""
            INSERT INTO "{table}" ({columns}, "{counter}") VALUES ({values}, 1)
            ON CONFLICT ({columns}) DO UPDATE SET "{counter}" = "{table}"."{counter}" + 1
            """;
        return database.ExecuteSqlRawAsync(sql, key.Select(k => k.Value), cancellationToken);
    }
}
