namespace Regentra.StripeStandIn.Wire;

/// <summary>Endpoint metadata: the restricted-key permission a route needs (secret keys may do everything).</summary>
internal sealed record RequiredPermission(string Name);
