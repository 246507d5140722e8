using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Regentra.Host.Data;

namespace Regentra.Host.Hosting;

internal static partial class StartupLog
{
    /// <summary>Tells the person who just typed "dotnet run" where to go.</summary>
    public static void Announce(WebApplication app)
    {
        var provider = app.Services.GetRequiredService<DatabaseOptions>().Provider.ToString();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            var url = address.Replace("[::]", "localhost", StringComparison.Ordinal);
            Running(app.Logger, url, provider);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Regentra is running at {Url} on {Provider}. API reference: {Url}/scalar")]
    private static partial void Running(ILogger logger, string url, string provider);
}
