using Regentra.StripeStandIn.Model;
using Regentra.StripeStandIn.Wire;

namespace Regentra.StripeStandIn.Resources;

/// <summary><c>GET /v1/account</c>: the account the key belongs to.</summary>
internal static class AccountEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/account", (ApiRequest request) => StripeJson.Result(request.Account.ToJson()))
            .Requires(RestrictedKeyPermissions.AccountRead);
    }
}
