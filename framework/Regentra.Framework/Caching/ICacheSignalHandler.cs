namespace Regentra.Framework.Caching;

/// <summary>Drops what a signal names from one module's caches. Registered as a singleton; called on every host.</summary>
public interface ICacheSignalHandler
{
    /// <summary>Applies the signal if its region is one of this handler's, or <see cref="CacheSignal.Everything"/>.</summary>
    void Apply(CacheSignal signal);
}
