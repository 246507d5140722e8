using Microsoft.Extensions.Logging;

namespace Regentra.Framework.Caching;

/// <summary>Applies signals on this host only: all a single host needs, and the first step of the shared path.</summary>
public sealed partial class InProcessCacheSignals(IEnumerable<ICacheSignalHandler> handlers, ILogger<InProcessCacheSignals> logger) : ICacheSignals
{
    private readonly ICacheSignalHandler[] _handlers = handlers.ToArray();

    public void Publish(CacheSignal signal) => Apply(signal);

    /// <summary>Hands the signal to every handler; one that throws does not keep the others from dropping theirs.</summary>
    public void Apply(CacheSignal signal)
    {
        foreach (var handler in _handlers)
        {
            try
            {
                handler.Apply(signal);
            }
            catch (Exception exception)
            {
                LogHandlerFailed(exception, handler.GetType().Name, signal.Region);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Cache handler {Handler} failed on a {Region} signal; its entries expire on their own")]
    private partial void LogHandlerFailed(Exception exception, string handler, string region);
}
