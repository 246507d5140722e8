using System.Threading.RateLimiting;

namespace Regentra.Framework.RateLimiting;

/// <summary>
/// A fixed-window limit for one key (a client address) counted in <see cref="ISharedRateLimitCounter"/>. Every request
/// costs one increment in the database; the window is aligned to the clock so all hosts agree which one is current.
/// </summary>
public sealed class SharedFixedWindowRateLimiter(ISharedRateLimitCounter counter, string key, int permitLimit, TimeSpan window, TimeProvider clock)
    : RateLimiter
{
    private static readonly RateLimitLease Refused = new Lease(false, null);
    private static readonly RateLimitLease Granted = new Lease(true, null);

    private DateTimeOffset _lastUsed = clock.GetUtcNow();

    public override TimeSpan? IdleDuration => clock.GetUtcNow() - _lastUsed;

    public override RateLimiterStatistics? GetStatistics() => null;

    // The synchronous attempt cannot ask the database; the middleware then awaits AcquireAsyncCore.
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => permitCount == 0 ? Granted : Refused;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        _lastUsed = now;
        var windowStart = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % window.Ticks), TimeSpan.Zero);
        var count = await counter.IncrementAsync(key, windowStart, window, cancellationToken);
        return count <= permitLimit ? Granted : new Lease(false, windowStart + window - now);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
