namespace Regentra.Framework.Permissions;

/// <summary>Which side of the SaaS a permission is meaningful on.</summary>
[Flags]
public enum MultiTenancySides
{
    Host = 1,
    Tenant = 2,
    Both = Host | Tenant,
}

/// <summary>The roles every tenant is created with. Permission definitions name the ones granted by default.</summary>
public static class StandardRoles
{
    public const string Admin = "Admin";
    public const string Manager = "Manager";
    public const string Technician = "Technician";
    public const string ReadOnly = "ReadOnly";

    /// <summary>The host-side operator role (tenant list, suspension, job dashboard).</summary>
    public const string HostAdmin = "HostAdmin";

    public static readonly IReadOnlyList<string> TenantRoles = [Admin, Manager, Technician, ReadOnly];
}

public sealed class PermissionDefinition
{
    private readonly List<PermissionDefinition> _children = [];

    internal PermissionDefinition(string groupName, string name, string displayName, PermissionDefinition? parent,
        MultiTenancySides side, IReadOnlyList<string> defaultRoles)
    {
        GroupName = groupName;
        Name = name;
        DisplayName = displayName;
        Parent = parent;
        Side = side;
        DefaultRoles = defaultRoles;
    }

    public string GroupName { get; }

    public string Name { get; }

    public string DisplayName { get; }

    /// <summary>A child is only effective while its parent is granted too (e.g. Manage needs view).</summary>
    public PermissionDefinition? Parent { get; }

    public MultiTenancySides Side { get; }

    /// <summary>Tenant roles that get this permission when a tenant is created. Admin always gets every tenant permission.</summary>
    public IReadOnlyList<string> DefaultRoles { get; }

    public IReadOnlyList<PermissionDefinition> Children => _children;

    public PermissionDefinition AddChild(string name, string displayName, params string[] defaultRoles)
    {
        var child = new PermissionDefinition(GroupName, name, displayName, this, Side, defaultRoles);
        _children.Add(child);
        return child;
    }
}

public sealed class PermissionGroupDefinition(string name, string displayName)
{
    private readonly List<PermissionDefinition> _permissions = [];

    public string Name { get; } = name;

    public string DisplayName { get; } = displayName;

    /// <summary>Top-level permissions of the group; children hang off them.</summary>
    public IReadOnlyList<PermissionDefinition> Permissions => _permissions;

    public PermissionDefinition Add(string name, string displayName, MultiTenancySides side = MultiTenancySides.Tenant, params string[] defaultRoles)
    {
        var permission = new PermissionDefinition(Name, name, displayName, null, side, defaultRoles);
        _permissions.Add(permission);
        return permission;
    }
}

/// <summary>Implemented in each module's Contracts to declare its permissions.</summary>
public interface IPermissionDefinitionProvider
{
    void Define(PermissionDefinitionContext context);
}

public sealed class PermissionDefinitionContext
{
    private readonly List<PermissionGroupDefinition> _groups = [];

    public IReadOnlyList<PermissionGroupDefinition> Groups => _groups;

    public PermissionGroupDefinition AddGroup(string name, string displayName)
    {
        var group = new PermissionGroupDefinition(name, displayName);
        _groups.Add(group);
        return group;
    }
}
