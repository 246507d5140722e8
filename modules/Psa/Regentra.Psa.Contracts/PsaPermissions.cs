using Regentra.Framework.Permissions;

namespace Regentra.Psa.Contracts;

/// <summary>Permission names of the PSA module (clients, tickets, time entries, reports).</summary>
public static class PsaPermissions
{
    public const string GroupName = "Psa";
}

public sealed class PsaPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context) => context.AddGroup(PsaPermissions.GroupName, "Service desk");
}
