namespace Regentra.Framework.Permissions;

/// <summary>All permissions declared by the composed modules, built once at start-up.</summary>
public sealed class PermissionDefinitionManager
{
    private readonly Dictionary<string, PermissionDefinition> _byName = new(StringComparer.Ordinal);

    public PermissionDefinitionManager(IEnumerable<IPermissionDefinitionProvider> providers)
    {
        var context = new PermissionDefinitionContext();
        foreach (var provider in providers)
        {
            provider.Define(context);
        }

        Groups = context.Groups;
        foreach (var permission in Groups.SelectMany(g => g.Permissions).SelectMany(Flatten))
        {
            if (!_byName.TryAdd(permission.Name, permission))
            {
                throw new InvalidOperationException($"Permission '{permission.Name}' is defined twice.");
            }
        }
    }

    public IReadOnlyList<PermissionGroupDefinition> Groups { get; }

    public IEnumerable<PermissionDefinition> All => _byName.Values;

    public PermissionDefinition? Find(string name) => _byName.GetValueOrDefault(name);

    public IEnumerable<PermissionDefinition> ForSide(MultiTenancySides side) => All.Where(p => p.Side.HasFlag(side));

    private static IEnumerable<PermissionDefinition> Flatten(PermissionDefinition permission) =>
        permission.Children.SelectMany(Flatten).Prepend(permission);
}
