using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Regentra.Framework.Data;

/// <summary>
/// Rows that are added many at a time (an invoice's lines, a history entry per time entry) and never need a value back
/// from the database. Inside an explicit transaction they are written by <see cref="MultiRowInsertInterceptor"/> as
/// one multi-row INSERT per table instead of one statement per row.
/// </summary>
public interface IInsertedInBulk;

/// <summary>
/// EF Core sends one INSERT statement per row; for a month-end run that is hundreds of thousands of statements, each
/// parsed, planned and executed on its own. This interceptor takes the added <see cref="IInsertedInBulk"/> rows out of
/// the save, lets EF write everything else, then writes them with multi-row INSERTs on the same connection and
/// transaction. Register it after <see cref="RegentraSaveChangesInterceptor"/> so the rows are stamped first.
/// Without an explicit transaction EF's own path is used: EF would commit before the extra statements, and the
/// rows must commit (or roll back) with the rest of the unit of work.
/// </summary>
public sealed class MultiRowInsertInterceptor : SaveChangesInterceptor
{
    /// <summary>Below SQLite's 32,766 bound parameters (PostgreSQL allows 65,535).</summary>
    private const int MaxParametersPerStatement = 30_000;

    private const int MaxRowsPerStatement = 1_000;

    private readonly ConditionalWeakTable<DbContext, List<EntityEntry>> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        TakeOutOfSave(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        TakeOutOfSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context) is { } rows)
        {
            foreach (var (sql, parameters) in Statements(eventData.Context!, rows))
            {
                try
                {
                    eventData.Context!.Database.ExecuteSqlRaw(sql, parameters);
                }
                catch (DbException e)
                {
                    throw Refused(rows, e);
                }
            }

            return result + rows.Count;
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } rows)
        {
            foreach (var (sql, parameters) in Statements(eventData.Context!, rows))
            {
                try
                {
                    await eventData.Context!.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
                }
                catch (DbException e)
                {
                    throw Refused(rows, e);
                }
            }

            return result + rows.Count;
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => PutBack(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        PutBack(eventData.Context);
        return Task.CompletedTask;
    }

    // Marking the rows Unchanged keeps them tracked (so EF neither inserts them nor rediscovers them through a
    // navigation) and is also the state they must end in once written.
    private void TakeOutOfSave(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            return;
        }

        // The stamping interceptor has just detected changes; a second scan of every tracked entity would be wasted.
        var detect = context.ChangeTracker.AutoDetectChangesEnabled;
        List<EntityEntry> rows;
        try
        {
            context.ChangeTracker.AutoDetectChangesEnabled = false;
            rows = context.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && e.Entity is IInsertedInBulk).ToList();
        }
        finally
        {
            context.ChangeTracker.AutoDetectChangesEnabled = detect;
        }

        if (rows.Count < 2)
        {
            return;
        }

        foreach (var row in rows)
        {
            row.State = EntityState.Unchanged;
        }

        _pending.AddOrUpdate(context, rows);
    }

    private List<EntityEntry>? Take(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var rows))
        {
            return null;
        }

        _pending.Remove(context);
        return rows;
    }

    // EF's save failed before our statements ran: the rows are still unwritten, as the caller will expect on a retry.
    private void PutBack(DbContext? context)
    {
        foreach (var row in Take(context) ?? [])
        {
            row.State = EntityState.Added;
        }
    }

    private static IEnumerable<(string Sql, object[] Parameters)> Statements(DbContext context, List<EntityEntry> rows)
    {
        var sqlHelper = context.GetService<ISqlGenerationHelper>();
        var postgres = context.Database.IsPostgreSql();
        using var parameterFactory = context.Database.GetDbConnection().CreateCommand();
        List<string> combinedSql = [];
        List<object> combinedParameters = [];
        foreach (var group in rows.GroupBy(r => r.Metadata))
        {
            var table = Table(group.Key);
            var columns = group.Key.GetProperties()
                .Select(p => (Property: p, Name: p.GetColumnName(table)))
                .Where(c => c.Name is not null)
                .Select(c => new Column(c.Property, c.Name!, c.Property.GetRelationalTypeMapping()))
                .ToList();
            var header = $"INSERT INTO {sqlHelper.DelimitIdentifier(table.Name, table.Schema)} " +
                         $"({string.Join(", ", columns.Select(c => sqlHelper.DelimitIdentifier(c.Name)))}) ";
            var values = group.Select(row => columns.Select(c => Value(row, c.Property)).ToArray()).ToList();
            if (postgres)
            {
                // Every table's statement goes in one command: one round trip for all of them.
                combinedSql.Add(PostgresStatement(context, parameterFactory, header, columns, values, combinedParameters));
                continue;
            }

            var rowsPerStatement = Math.Clamp(MaxParametersPerStatement / columns.Count, 1, MaxRowsPerStatement);
            foreach (var chunk in values.Chunk(rowsPerStatement))
            {
                yield return ValuesStatement(parameterFactory, header, columns, chunk);
            }
        }

        if (combinedSql.Count > 0)
        {
            yield return (string.Join(";\n", combinedSql), combinedParameters.ToArray());
        }
    }

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping);

    private static object? Value(EntityEntry row, IProperty property)
    {
        var value = row.Property(property.Name);
        return value.IsTemporary
            ? throw new InvalidOperationException($"{row.Metadata.DisplayName()}.{property.Name} has no value yet; bulk-inserted rows must carry their own keys.")
            : value.CurrentValue;
    }

    // Portable: INSERT … VALUES (…), (…) with one parameter per value, created by each column's mapping as EF would.
    // The {n} placeholders are filled in by EF with the parameters' names.
    private static (string, object[]) ValuesStatement(DbCommand parameterFactory, string header, List<Column> columns, object?[][] rows)
    {
        var sql = new StringBuilder(header).Append("VALUES ");
        var parameters = new List<object>(rows.Length * columns.Count);
        foreach (var row in rows)
        {
            sql.Append(parameters.Count == 0 ? "(" : ", (");
            for (var i = 0; i < columns.Count; i++)
            {
                sql.Append(i == 0 ? "{" : ", {").Append(parameters.Count).Append('}');
                parameters.Add(columns[i].Mapping.CreateParameter(parameterFactory, $"b{parameters.Count}", row[i], columns[i].Property.IsNullable));
            }

            sql.Append(')');
        }

        return (sql.ToString(), parameters.ToArray());
    }

    // PostgreSQL: one array parameter per column, unnested into rows. The statement's text and parameter count no
    // longer depend on the number of rows, so both sides do a fraction of the work of a long VALUES list.
    private static string PostgresStatement(
        DbContext context, DbCommand parameterFactory, string header, List<Column> columns, List<object?[]> rows, List<object> parameters)
    {
        var mappings = context.GetService<IRelationalTypeMappingSource>();
        var casts = new string[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            var (property, _, mapping) = columns[i];
            var providerType = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
            var elementType = property.IsNullable && providerType.IsValueType && Nullable.GetUnderlyingType(providerType) is null
                ? typeof(Nullable<>).MakeGenericType(providerType)
                : providerType;
            var array = Array.CreateInstance(elementType, rows.Count);
            for (var r = 0; r < rows.Count; r++)
            {
                array.SetValue(mapping.Converter is { } converter && rows[r][i] is { } v ? converter.ConvertToProvider(v) : rows[r][i], r);
            }

            var arrayMapping = mappings.FindMapping(array.GetType())
                ?? throw new InvalidOperationException($"No PostgreSQL array mapping for {property.DeclaringType.DisplayName()}.{property.Name}.");
            casts[i] = $"CAST({{{parameters.Count}}} AS {property.GetColumnType()}[])";
            parameters.Add(arrayMapping.CreateParameter(parameterFactory, $"b{parameters.Count}", array));
        }

        return header + $"SELECT * FROM unnest({string.Join(", ", casts)})";
    }

    private static StoreObjectIdentifier Table(IEntityType type)
    {
        if (type.GetTableName() is not { } name || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
        {
            throw new InvalidOperationException($"{type.DisplayName()} must map to one table of its own to be inserted in bulk.");
        }

        return StoreObjectIdentifier.Table(name, type.GetSchema());
    }

    // Callers handle a refused write as EF reports it (a unique index, say), wherever the statement ran.
    private static DbUpdateException Refused(List<EntityEntry> rows, DbException e) =>
        new("A multi-row insert failed; the transaction must be rolled back.", e, rows);
}
