namespace Regentra.Framework.Caching;

/// <summary>
/// Tells every host that a cached entry changed. <see cref="Publish"/> applies the signal on this host before it
/// returns and hands it to the other hosts without waiting for them (on PostgreSQL through NOTIFY; on SQLite there is
/// one host). A signal that never arrives is bounded by the caches' own expiry.
/// </summary>
public interface ICacheSignals
{
    void Publish(CacheSignal signal);
}
