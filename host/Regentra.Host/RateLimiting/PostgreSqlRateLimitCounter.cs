using Npgsql;
using Regentra.Framework.RateLimiting;
using Regentra.Host.Data;

namespace Regentra.Host.RateLimiting;

/// <summary>
/// Fixed-window request counts in PostgreSQL, shared by every host: one upsert per request on an unlogged table (a
/// counter lost in a database crash only forgives a minute of requests). A key's first request in a window also clears
/// windows over an hour old, so the table holds about one row per address seen in the last hour.
/// </summary>
internal sealed class PostgreSqlRateLimitCounter(DatabaseOptions database) : ISharedRateLimitCounter
{
    public const string Table = "HostRateLimitCounters";

    private const string Increment = $"""
        INSERT INTO "{Table}" ("Key", "WindowStart", "Count") VALUES (@key, @start, 1)
        ON CONFLICT ("Key", "WindowStart") DO UPDATE SET "Count" = "{Table}"."Count" + 1
        RETURNING "Count"
        """;

    private const string Prune = $"""DELETE FROM "{Table}" WHERE "WindowStart" < @before""";

    public async ValueTask<long> IncrementAsync(string key, DateTimeOffset windowStart, TimeSpan window, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var increment = new NpgsqlCommand(Increment, connection);
        increment.Parameters.AddWithValue("key", key);
        increment.Parameters.AddWithValue("start", windowStart.UtcDateTime);
        var count = (int)(await increment.ExecuteScalarAsync(cancellationToken))!;
        if (count == 1)
        {
            await using var prune = new NpgsqlCommand(Prune, connection);
            prune.Parameters.AddWithValue("before", windowStart.UtcDateTime - TimeSpan.FromHours(1) - window);
            await prune.ExecuteNonQueryAsync(cancellationToken);
        }

        return count;
    }
}
