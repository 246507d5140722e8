namespace Regentra.StripeStandIn.Model;

/// <summary>A key of an account. Restricted keys hold a fixed set of permissions (see <see cref="RestrictedKeyPermissions"/>).</summary>
internal sealed record ApiKey(string Value, KeyKind Kind, Account Account);
