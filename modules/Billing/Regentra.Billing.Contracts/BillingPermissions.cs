using Regentra.Framework.Permissions;

namespace Regentra.Billing.Contracts;

/// <summary>Permission names of the Billing module (agreements, invoices, payments, runs).</summary>
public static class BillingPermissions
{
    public const string GroupName = "Billing";
}

public sealed class BillingPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context) => context.AddGroup(BillingPermissions.GroupName, "Billing");
}
