namespace Regentra.StripeStandIn.Model;

internal enum KeyKind
{
    Publishable,
    Secret,
    Restricted,
}
