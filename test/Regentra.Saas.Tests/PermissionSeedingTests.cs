using Microsoft.Extensions.DependencyInjection;
using Regentra.Framework;
using Regentra.Framework.Permissions;
using Regentra.Saas.Contracts.Account;
using Regentra.Saas.Contracts.Roles;

namespace Regentra.Saas.Tests;

/// <summary>A permission added by a later release reaches existing organisations once, at the next start.</summary>
public sealed class PermissionSeedingTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private const string NewPermission = "Later.Reports";

    private sealed class LaterRelease : IPermissionDefinitionProvider
    {
        public void Define(PermissionDefinitionContext context) =>
            context.AddGroup("Later", "Later release").Add(NewPermission, "See the new reports", MultiTenancySides.Tenant, StandardRoles.Manager);
    }

    /// <summary>The next version of the application, started on the same database.</summary>
    private sealed class NextRelease(TestDatabase database) : RegentraApp(database)
    {
        protected override void AddServices(IServiceCollection services) => services.AddPermissionDefinitions<LaterRelease>();
    }

    [Fact]
    public async Task Existing_organisations_get_a_new_permission_for_its_default_roles_and_admins_hold_it_implicitly()
    {
        var admin = await app.SignUpAsync();
        var manager = await admin.AddMemberAsync("Manager");
        var technician = await admin.AddMemberAsync("Technician");

        await using var next = new NextRelease(app.Database);
        await next.InitializeAsync();

        (await PermissionsAsync(next, manager)).ShouldContain(NewPermission);
        (await PermissionsAsync(next, admin)).ShouldContain(NewPermission);
        (await PermissionsAsync(next, technician)).ShouldNotContain(NewPermission);
    }

    [Fact]
    public async Task A_new_permission_an_admin_revoked_is_not_granted_again_at_the_following_start()
    {
        var admin = await app.SignUpAsync();
        var manager = await admin.AddMemberAsync("Manager");
        await using (var next = new NextRelease(app.Database))
        {
            await next.InitializeAsync();
            var adminClient = next.CreateClient().WithBearer(admin.Client.DefaultRequestHeaders.Authorization!.Parameter!);
            var grants = await adminClient.GetAsync<RolePermissionsDto>("/api/saas/roles/Manager/permissions");
            var kept = grants.Groups.SelectMany(g => g.Permissions).Where(p => p.IsGranted && p.Name != NewPermission).Select(p => p.Name).ToList();
            await (await adminClient.PutJsonAsync("/api/saas/roles/Manager/permissions", new UpdateRolePermissionsRequest(kept)))
                .ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        await using var following = new NextRelease(app.Database);
        await following.InitializeAsync();

        (await PermissionsAsync(following, manager)).ShouldNotContain(NewPermission);
    }

    private static async Task<IReadOnlyList<string>> PermissionsAsync(RegentraApp host, TenantSession member)
    {
        var token = member.Client.DefaultRequestHeaders.Authorization!.Parameter!;
        return (await host.CreateClient().WithBearer(token).GetAsync<AppConfigDto>("/api/app-config")).GrantedPermissions;
    }
}
