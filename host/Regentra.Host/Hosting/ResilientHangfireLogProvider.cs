using Hangfire.Logging;

namespace Regentra.Host.Hosting;

/// <summary>
/// Hangfire logs through one process-wide provider bound to a host's ILoggerFactory. When that factory has been
/// disposed (host shutdown, or another host in the same process, as in the integration tests), Hangfire would
/// throw while merely creating a logger; this provider goes quiet instead.
/// </summary>
internal sealed class ResilientHangfireLogProvider(ILogProvider inner) : ILogProvider
{
    private static readonly ILog Silent = new SilentLog();

    public ILog GetLogger(string name)
    {
        try
        {
            return new ResilientLog(inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return Silent;
        }
    }

    private sealed class ResilientLog(ILog inner) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner.Log(logLevel, messageFunc, exception);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }

    private sealed class SilentLog : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
