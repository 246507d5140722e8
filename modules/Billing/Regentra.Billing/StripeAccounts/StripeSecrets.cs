using Microsoft.AspNetCore.DataProtection;

namespace Regentra.Billing.StripeAccounts;

/// <summary>
/// Encrypts the organisation's Stripe secret key and webhook signing secret at rest with ASP.NET Core Data Protection,
/// under the key ring every host shares (HostDataProtectionKeys), so any host can use them and the database alone
/// gives none away. The organisation is part of the purpose: a secret copied into another organisation's row does not decrypt.
/// </summary>
internal sealed class StripeSecrets(IDataProtectionProvider provider)
{
    public string Protect(Guid organizationId, string secret) => Protector(organizationId).Protect(secret);

    public string Unprotect(Guid organizationId, string protectedSecret) => Protector(organizationId).Unprotect(protectedSecret);

    private IDataProtector Protector(Guid organizationId) => provider.CreateProtector("Regentra.Billing.StripeSecrets.v1", organizationId.ToString("N"));
}
