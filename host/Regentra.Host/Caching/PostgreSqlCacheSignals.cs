using System.Threading.Channels;
using Regentra.Framework.Caching;

namespace Regentra.Host.Caching;

/// <summary>
/// Several hosts on one PostgreSQL: a signal applies on this host at once and is queued for
/// <see cref="PostgreSqlCacheSignalRelay"/>, which NOTIFYs the others. Publishing never waits for the database.
/// </summary>
internal sealed class PostgreSqlCacheSignals(InProcessCacheSignals local) : ICacheSignals
{
    private readonly Channel<CacheSignal> _outbox = Channel.CreateBounded<CacheSignal>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    /// <summary>Tells this host's signals from another's in what comes back through LISTEN.</summary>
    public Guid HostId { get; } = Guid.NewGuid();

    public ChannelReader<CacheSignal> Outbox => _outbox.Reader;

    public void Publish(CacheSignal signal)
    {
        local.Apply(signal);
        _outbox.Writer.TryWrite(signal);
    }

    /// <summary>A signal another host sent.</summary>
    public void Receive(CacheSignal signal) => local.Apply(signal);
}
