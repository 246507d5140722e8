namespace Regentra.StripeStandIn.Wire;

internal static class RouteBuilderExtensions
{
    public static RouteHandlerBuilder Requires(this RouteHandlerBuilder route, string permission) =>
        route.WithMetadata(new RequiredPermission(permission));
}
