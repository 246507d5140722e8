using Npgsql;
using Regentra.Host.Data;

namespace Regentra.Host.Hosting;

/// <summary>
/// Makes the first-start work (migrations, host operator, roles, permission seeds, recurring jobs) happen one host at a
/// time when several start together on one PostgreSQL database: a session-level advisory lock, held on a connection of
/// its own until the work is done. The others wait, then find everything in place. SQLite serves one host.
/// A database that does not exist yet is created first (by whichever host gets there; the others find it made).
/// </summary>
internal sealed class StartupLock : IAsyncDisposable
{
    // Any fixed number, the same in every host: "Regentra start-up".
    private const long Key = 0x52_65_67_53_74_61_72_74;

    private readonly NpgsqlConnection? _connection;

    private StartupLock(NpgsqlConnection? connection) => _connection = connection;

    public static async Task<StartupLock> AcquireAsync(DatabaseOptions options, CancellationToken cancellationToken)
    {
        if (options.Provider != DatabaseProvider.PostgreSql)
        {
            return new StartupLock(null);
        }

        var connection = new NpgsqlConnection(options.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            await connection.DisposeAsync();
            await CreateDatabaseAsync(options.ConnectionString!, cancellationToken);
            connection = new NpgsqlConnection(options.ConnectionString);
            await connection.OpenAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", Key);
        command.CommandTimeout = 0; // wait as long as the host before us needs
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new StartupLock(connection);
    }

    /// <summary>Creates the connection string's database through the server's maintenance database; losing that race to another host is fine.</summary>
    private static async Task CreateDatabaseAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var name = builder.Database!;
        builder.Database = "postgres";
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another host starting at the same moment created it.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null)
        {
            return;
        }

        // Closing the session releases the lock even if the unlock below fails.
        await using (_connection)
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection);
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync();
        }
    }
}
