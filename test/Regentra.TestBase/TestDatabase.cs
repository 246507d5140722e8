using Microsoft.Data.Sqlite;
using Npgsql;

namespace Regentra.TestBase;

public enum TestProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// A throw-away database for one test fixture. The provider comes from REGENTRA_TEST_DB (Sqlite by default,
/// or PostgreSql with the server in REGENTRA_TEST_PG). When PostgreSQL is asked for and cannot be reached
/// the fixture fails: a provider is never silently skipped.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string DefaultServer = "Host=127.0.0.1;Port=55432;Username=postgres;Pooling=true;Include Error Detail=true";

    private readonly string? _postgresName;
    private readonly string? _sqliteFile;

    private TestDatabase(TestProvider provider, string connectionString, string? postgresName, string? sqliteFile)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _postgresName = postgresName;
        _sqliteFile = sqliteFile;
    }

    public static TestProvider CurrentProvider =>
        string.Equals(Environment.GetEnvironmentVariable("REGENTRA_TEST_DB"), "PostgreSql", StringComparison.OrdinalIgnoreCase)
            ? TestProvider.PostgreSql
            : TestProvider.Sqlite;

    public static string PostgresServer => Environment.GetEnvironmentVariable("REGENTRA_TEST_PG") is { Length: > 0 } server ? server : DefaultServer;

    public TestProvider Provider { get; }

    public string ConnectionString { get; }

    /// <param name="createPostgresDatabase">False: the PostgreSQL database is named but left for the host to create (as on a fresh server).</param>
    public static async Task<TestDatabase> CreateAsync(bool createPostgresDatabase = true)
    {
        if (CurrentProvider == TestProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "regentra-tests");
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"{Guid.NewGuid():N}.db");
            return new TestDatabase(TestProvider.Sqlite, $"Data Source={file}", null, file);
        }

        var name = $"rt_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(PostgresServer))
        {
            if (!createPostgresDatabase)
            {
                return new TestDatabase(TestProvider.PostgreSql, new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString, name, null);
            }

            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name };
        return new TestDatabase(TestProvider.PostgreSql, builder.ConnectionString, name, null);
    }

    /// <summary>Runs a query returning one number, straight on the database (for "exactly one row" checks across hosts).</summary>
    public async Task<long> CountAsync(string sql) =>
        Convert.ToInt64(await ScalarAsync(sql), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Runs a query returning one value (or null for no row), straight on the database.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using System.Data.Common.DbConnection connection = Provider == TestProvider.Sqlite ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync() is { } value and not DBNull ? value : null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(_sqliteFile + suffix);
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
