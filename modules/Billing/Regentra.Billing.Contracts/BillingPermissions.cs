using Regentra.Framework.Permissions;

namespace Regentra.Billing.Contracts;

/// <summary>Permission names of the Billing module (agreements, invoices, payments, month-end runs).</summary>
public static class BillingPermissions
{
    public const string GroupName = "Billing";

    public static class Agreements
    {
        public const string Default = "Billing.Agreements";
        public const string Manage = "Billing.Agreements.Manage";
    }

    public static class Invoices
    {
        public const string Default = "Billing.Invoices";
        public const string Generate = "Billing.Invoices.Generate";
        public const string Send = "Billing.Invoices.Send";
        public const string Void = "Billing.Invoices.Void";
    }

    /// <summary>Record payments received outside Stripe.</summary>
    public const string Payments = "Billing.Payments";

    /// <summary>See and start month-end runs.</summary>
    public const string Runs = "Billing.Runs";

    public static class Stripe
    {
        /// <summary>Connect, test and disconnect the organisation's Stripe account (Admin only by default: it holds the secret key).</summary>
        public const string Manage = "Billing.Stripe.Manage";
    }
}

public sealed class BillingPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context)
    {
        const MultiTenancySides tenant = MultiTenancySides.Tenant;
        var group = context.AddGroup(BillingPermissions.GroupName, "Billing");

        group.Add(BillingPermissions.Agreements.Default, "View service agreements", tenant, StandardRoles.Manager, StandardRoles.ReadOnly)
            .AddChild(BillingPermissions.Agreements.Manage, "Set service agreements", StandardRoles.Manager);

        var invoices = group.Add(BillingPermissions.Invoices.Default, "View invoices", tenant, StandardRoles.Manager, StandardRoles.ReadOnly);
        invoices.AddChild(BillingPermissions.Invoices.Generate, "Preview, generate and edit draft invoices", StandardRoles.Manager);
        invoices.AddChild(BillingPermissions.Invoices.Send, "Send invoices", StandardRoles.Manager);
        invoices.AddChild(BillingPermissions.Invoices.Void, "Void invoices", StandardRoles.Manager);

        group.Add(BillingPermissions.Payments, "Record payments", tenant, StandardRoles.Manager);
        group.Add(BillingPermissions.Runs, "Month-end runs", tenant, StandardRoles.Manager);
        group.Add(BillingPermissions.Stripe.Manage, "Connect Stripe", tenant);
    }
}
