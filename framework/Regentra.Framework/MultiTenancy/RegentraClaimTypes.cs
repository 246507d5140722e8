namespace Regentra.Framework.MultiTenancy;

public static class RegentraClaimTypes
{
    public const string TenantId = "regentra:tenant";

    public const string DisplayName = "regentra:name";
}
