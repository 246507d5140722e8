using Regentra.Framework.Permissions;

namespace Regentra.Saas.Contracts;

/// <summary>Permission names of the Saas module (ABP style: Module.Resource.Action).</summary>
public static class SaasPermissions
{
    public const string GroupName = "Saas";

    public static class Users
    {
        public const string Default = "Saas.Users";
        public const string Manage = "Saas.Users.Manage";
    }

    public static class Roles
    {
        public const string Default = "Saas.Roles";
        public const string Manage = "Saas.Roles.Manage";
    }

    public static class Settings
    {
        public const string Default = "Saas.Settings";
        public const string Manage = "Saas.Settings.Manage";
    }

    /// <summary>Host side: the tenant list and suspension.</summary>
    public static class Tenants
    {
        public const string Default = "Saas.Tenants";
        public const string Manage = "Saas.Tenants.Manage";
    }

    /// <summary>Host side: the Hangfire dashboard at /hangfire.</summary>
    public const string BackgroundJobs = "Saas.BackgroundJobs";
}

public sealed class SaasPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context)
    {
        var group = context.AddGroup(SaasPermissions.GroupName, "Organisation");

        group.Add(SaasPermissions.Users.Default, "View team", MultiTenancySides.Tenant, StandardRoles.Manager, StandardRoles.ReadOnly)
            .AddChild(SaasPermissions.Users.Manage, "Invite, change roles and deactivate members");
        group.Add(SaasPermissions.Roles.Default, "View roles and permissions")
            .AddChild(SaasPermissions.Roles.Manage, "Change role permissions");
        group.Add(SaasPermissions.Settings.Default, "View organisation settings", MultiTenancySides.Tenant, StandardRoles.Manager)
            .AddChild(SaasPermissions.Settings.Manage, "Change organisation settings");

        group.Add(SaasPermissions.Tenants.Default, "View tenants", MultiTenancySides.Host)
            .AddChild(SaasPermissions.Tenants.Manage, "Suspend and reactivate tenants");
        group.Add(SaasPermissions.BackgroundJobs, "Background jobs dashboard", MultiTenancySides.Host);
    }
}
