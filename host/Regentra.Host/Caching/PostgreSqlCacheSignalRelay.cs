using System.Text.Json;
using Npgsql;
using Regentra.Framework.Caching;
using Regentra.Host.Data;

namespace Regentra.Host.Caching;

/// <summary>
/// Carries cache signals between hosts through PostgreSQL's LISTEN/NOTIFY on the database they already share: one
/// connection listens (and comes back after a failure, dropping every cache first since signals may have been missed
/// meanwhile); queued signals go out as NOTIFY on pooled connections.
/// </summary>
internal sealed partial class PostgreSqlCacheSignalRelay(
    PostgreSqlCacheSignals signals, DatabaseOptions database, ILogger<PostgreSqlCacheSignalRelay> logger) : BackgroundService
{
    public const string Channel = "regentra_cache";

    private static readonly TimeSpan Probe = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(database.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => OnNotification(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Whatever was cached before this point may have missed a signal (start-up, or the gap after a failure).
                signals.Receive(new CacheSignal(CacheSignal.Everything, ""));
                if (failures > 0)
                {
                    LogResumed(failures);
                }

                failures = 0;
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(Probe, stoppingToken))
                    {
                        // Quiet for a while: make sure the connection is still there rather than waiting on a dead one.
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteScalarAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or System.IO.IOException or TimeoutException or InvalidOperationException)
            {
                var wait = Backoff[Math.Min(failures, Backoff.Length - 1)];
                failures++;
                LogListenFailed(exception, wait.TotalSeconds);
                try
                {
                    await Task.Delay(wait, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        var batch = new List<CacheSignal>();
        try
        {
            while (await signals.Outbox.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < 100 && signals.Outbox.TryRead(out var signal))
                {
                    batch.Add(signal);
                }

                try
                {
                    await NotifyAsync(batch, stoppingToken);
                }
                catch (Exception exception) when (exception is NpgsqlException or System.IO.IOException or TimeoutException)
                {
                    // The other hosts will drop these entries when their cache time runs out instead.
                    LogSendFailed(exception, batch.Count);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task NotifyAsync(List<CacheSignal> batch, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var parts = new List<string>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            parts.Add($"pg_notify('{Channel}', @p{i})");
            command.Parameters.AddWithValue($"p{i}", JsonSerializer.Serialize(new Message(signals.HostId, batch[i].Region, batch[i].Key)));
        }

        command.CommandText = "SELECT " + string.Join(", ", parts);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void OnNotification(string payload)
    {
        Message? message;
        try
        {
            message = JsonSerializer.Deserialize<Message>(payload);
        }
        catch (JsonException)
        {
            LogUnreadable(payload.Length);
            return;
        }

        if (message is null || message.HostId == signals.HostId)
        {
            return; // applied here already, when it was published
        }

        signals.Receive(new CacheSignal(message.Region, message.Key));
    }

    private sealed record Message(Guid HostId, string Region, string Key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for other hosts' cache changes failed; retrying in {Seconds} s (until then their changes reach this host when cached entries expire)")]
    private partial void LogListenFailed(Exception exception, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for other hosts' cache changes again after {Failures} failed attempts; this host's caches were dropped")]
    private partial void LogResumed(int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telling other hosts about {Count} cache changes failed; they see them when their cached entries expire")]
    private partial void LogSendFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored an unreadable cache signal of {Length} characters on the shared channel")]
    private partial void LogUnreadable(int length);
}
