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
        IReadOnlyList<(string Column, object Value)> key, CancellationToken cancellationToken) =>
        database.IncrementManyAsync(table, counter, key.Select(k => k.Column).ToList(), [key.Select(k => k.Value).ToArray()], cancellationToken);

    /// <summary>
    /// Takes many lock rows in one statement, in the order given. Callers that lock several keys pass them sorted, so two
    /// transactions wanting overlapping sets queue behind each other instead of deadlocking.
    /// </summary>
    /// <param name="keys">One array of key values per row, in <paramref name="keyColumns"/> order; duplicates are taken once.</param>
    public static Task IncrementManyAsync(this DatabaseFacade database, string table, string counter,
        IReadOnlyList<string> keyColumns, IReadOnlyList<object[]> keys, CancellationToken cancellationToken)
    {
        if (database.CurrentTransaction is null)
        {
            throw new InvalidOperationException($"{table} is a lock row: take it inside the transaction whose work it protects.");
        }

        // A row may not be updated twice by one INSERT … ON CONFLICT statement (PostgreSQL refuses), so duplicates go.
        var distinct = keys.DistinctBy(k => string.Join("|", k)).ToList();
        var columns = string.Join(", ", keyColumns.Select(c => $"\"{c}\""));
        var rows = string.Join(", ", distinct.Select((_, row) =>
            $"({string.Join(", ", keyColumns.Select((_, column) => $"{{{row * keyColumns.Count + column}}}"))}, 1)"));
        var sql = $"""
            INSERT INTO "{table}" ({columns}, "{counter}") VALUES {rows}
            ON CONFLICT ({columns}) DO UPDATE SET "{counter}" = "{table}"."{counter}" + 1
            """;
        return database.ExecuteSqlRawAsync(sql, distinct.SelectMany(k => k), cancellationToken);
    }
}
