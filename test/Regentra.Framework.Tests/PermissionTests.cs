using System.Security.Claims;
using Regentra.Framework.MultiTenancy;
using Regentra.Framework.Permissions;

namespace Regentra.Framework.Tests;

public sealed class PermissionTests
{
    private sealed class Definitions : IPermissionDefinitionProvider
    {
        public void Define(PermissionDefinitionContext context)
        {
            var group = context.AddGroup("Demo", "Demo");
            group.Add("Demo.Things", "View things", MultiTenancySides.Tenant, StandardRoles.ReadOnly)
                .AddChild("Demo.Things.Manage", "Manage things");
            group.Add("Demo.Host", "Host only", MultiTenancySides.Host);
            group.Add("Demo.Everywhere", "Both sides", MultiTenancySides.Both);
        }
    }

    private sealed class Store(params string[] granted) : IPermissionStore
    {
        public Task<IReadOnlySet<string>> GetGrantedPermissionsAsync(Guid userId, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlySet<string>>(granted.ToHashSet());
    }

    private static readonly PermissionDefinitionManager Manager = new([new Definitions()]);

    private static ClaimsPrincipal User(Guid? tenantId)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()) };
        if (tenantId is { } id)
        {
            claims.Add(new Claim(RegentraClaimTypes.TenantId, id.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    [Fact]
    public async Task A_child_permission_is_not_effective_without_its_parent()
    {
        var checker = new PermissionChecker(Manager, new Store("Demo.Things.Manage"));

        (await checker.IsGrantedAsync(User(Guid.NewGuid()), "Demo.Things.Manage")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_child_permission_with_its_parent_is_effective()
    {
        var checker = new PermissionChecker(Manager, new Store("Demo.Things", "Demo.Things.Manage"));

        (await checker.GetEffectivePermissionsAsync(User(Guid.NewGuid()))).ShouldBe(["Demo.Things", "Demo.Things.Manage"], ignoreOrder: true);
    }

    [Fact]
    public async Task Permissions_of_the_other_side_never_apply_even_when_granted()
    {
        var granted = new Store("Demo.Things", "Demo.Host", "Demo.Everywhere");
        var checker = new PermissionChecker(Manager, granted);

        (await checker.GetEffectivePermissionsAsync(User(Guid.NewGuid()))).ShouldBe(["Demo.Things", "Demo.Everywhere"], ignoreOrder: true);
        (await checker.GetEffectivePermissionsAsync(User(null))).ShouldBe(["Demo.Host", "Demo.Everywhere"], ignoreOrder: true);
    }

    [Fact]
    public async Task Unknown_permission_names_are_never_granted()
    {
        var checker = new PermissionChecker(Manager, new Store("Demo.Nope"));

        (await checker.IsGrantedAsync(User(Guid.NewGuid()), "Demo.Nope")).ShouldBeFalse();
    }

    [Fact]
    public async Task An_anonymous_principal_has_no_permissions()
    {
        var checker = new PermissionChecker(Manager, new Store("Demo.Things"));

        (await checker.GetEffectivePermissionsAsync(new ClaimsPrincipal(new ClaimsIdentity()))).ShouldBeEmpty();
    }

    [Fact]
    public void Definitions_keep_parents_default_roles_and_sides()
    {
        var manage = Manager.Find("Demo.Things.Manage")!;

        manage.Parent!.Name.ShouldBe("Demo.Things");
        manage.Side.ShouldBe(MultiTenancySides.Tenant);
        Manager.Find("Demo.Things")!.DefaultRoles.ShouldBe([StandardRoles.ReadOnly]);
        Manager.ForSide(MultiTenancySides.Host).Select(p => p.Name).ShouldBe(["Demo.Host", "Demo.Everywhere"], ignoreOrder: true);
    }

    [Fact]
    public void Defining_the_same_permission_twice_fails_at_start_up()
    {
        Should.Throw<InvalidOperationException>(() => new PermissionDefinitionManager([new Definitions(), new Definitions()]))
            .Message.ShouldContain("defined twice");
    }

    [Fact]
    public async Task A_permission_name_is_a_policy_and_other_names_are_left_to_the_default_provider()
    {
        var provider = new PermissionPolicyProvider(
            Microsoft.Extensions.Options.Options.Create(new Microsoft.AspNetCore.Authorization.AuthorizationOptions()), Manager);

        var policy = await provider.GetPolicyAsync("Demo.Things");

        policy!.Requirements.OfType<PermissionRequirement>().Single().PermissionNames.ShouldBe(["Demo.Things"]);
        (await provider.GetPolicyAsync("NotAPermission")).ShouldBeNull();
    }
}
