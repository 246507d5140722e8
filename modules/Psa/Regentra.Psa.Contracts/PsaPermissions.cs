using Regentra.Framework.Permissions;

namespace Regentra.Psa.Contracts;

/// <summary>Permission names of the PSA module (clients, tickets, time entries, reports).</summary>
public static class PsaPermissions
{
    public const string GroupName = "Psa";

    public static class Clients
    {
        public const string Default = "Psa.Clients";
        public const string Manage = "Psa.Clients.Manage";
    }

    public static class Tickets
    {
        public const string Default = "Psa.Tickets";
        public const string Manage = "Psa.Tickets.Manage";
    }

    public static class TimeEntries
    {
        /// <summary>Log, edit and submit one's own time, and see it.</summary>
        public const string Default = "Psa.TimeEntries";

        /// <summary>See everyone's time (managers, read-only auditors).</summary>
        public const string ViewAll = "Psa.TimeEntries.ViewAll";

        /// <summary>Approve, reject and reopen submitted time.</summary>
        public const string Approve = "Psa.TimeEntries.Approve";
    }

    public const string Reports = "Psa.Reports";
}

public sealed class PsaPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context)
    {
        const MultiTenancySides tenant = MultiTenancySides.Tenant;
        var group = context.AddGroup(PsaPermissions.GroupName, "Service desk");

        group.Add(PsaPermissions.Clients.Default, "View clients", tenant, StandardRoles.Manager, StandardRoles.Technician, StandardRoles.ReadOnly)
            .AddChild(PsaPermissions.Clients.Manage, "Create, edit and deactivate clients", StandardRoles.Manager);
        group.Add(PsaPermissions.Tickets.Default, "View tickets", tenant, StandardRoles.Manager, StandardRoles.Technician, StandardRoles.ReadOnly)
            .AddChild(PsaPermissions.Tickets.Manage, "Create and work tickets", StandardRoles.Manager, StandardRoles.Technician);

        // Viewing everyone's time and approving it are not children of "log own time": an auditor may see all
        // time without logging any, and approving is a separate duty.
        group.Add(PsaPermissions.TimeEntries.Default, "Log and submit own time", tenant, StandardRoles.Manager, StandardRoles.Technician);
        group.Add(PsaPermissions.TimeEntries.ViewAll, "See everyone's time", tenant, StandardRoles.Manager, StandardRoles.ReadOnly);
        group.Add(PsaPermissions.TimeEntries.Approve, "Approve, reject and reopen time", tenant, StandardRoles.Manager);
        group.Add(PsaPermissions.Reports, "Utilisation and unbilled time reports", tenant, StandardRoles.Manager, StandardRoles.ReadOnly);
    }
}
