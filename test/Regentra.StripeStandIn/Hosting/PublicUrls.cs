using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Regentra.StripeStandIn.Hosting;

/// <summary>
/// The base URL a browser uses for the stand-in's own pages (hosted checkout, receipts): StandIn:PublicUrl when set,
/// otherwise the address it listens on.
/// </summary>
internal sealed class PublicUrls(IOptions<StandInOptions> options, IServer server)
{
    public string Base
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(options.Value.PublicUrl))
            {
                return options.Value.PublicUrl.TrimEnd('/');
            }

            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            return address is null ? "http://localhost" : Reachable(address);
        }
    }

    public string Checkout(string sessionId) => $"{Base}/checkout/{sessionId}";

    public string Receipt(string chargeId) => $"{Base}/receipts/{chargeId}";

    /// <summary>A listen address as a browser can use it: wildcard hosts become loopback.</summary>
    public static string Reachable(string address) => address
        .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
        .Replace("://[::]", "://localhost", StringComparison.Ordinal)
        .Replace("://+", "://localhost", StringComparison.Ordinal)
        .Replace("://*", "://localhost", StringComparison.Ordinal)
        .TrimEnd('/');
}
