namespace Regentra.Framework.RateLimiting;

/// <summary>
/// Request counts every host sees: one counter per key and fixed window, kept in the database the hosts share, so a
/// limit of 20 a minute is 20 a minute however many hosts answer. Absent on a single host, which counts in memory.
/// </summary>
public interface ISharedRateLimitCounter
{
    /// <summary>Counts one more request for <paramref name="key"/> in the window starting at <paramref name="windowStart"/>; returns the count including it.</summary>
    ValueTask<long> IncrementAsync(string key, DateTimeOffset windowStart, TimeSpan window, CancellationToken cancellationToken);
}
