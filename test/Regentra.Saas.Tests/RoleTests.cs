using Microsoft.Extensions.DependencyInjection;
using Regentra.Framework.Permissions;
using Regentra.Saas.Contracts;
using Regentra.Saas.Contracts.Account;
using Regentra.Saas.Contracts.Roles;

namespace Regentra.Saas.Tests;

public sealed class RoleTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private static Task<HttpResponseMessage> PutGrantsAsync(TenantSession admin, string role, params string[]? permissions) =>
        admin.Client.PutJsonAsync($"/api/saas/roles/{role}/permissions", new UpdateRolePermissionsRequest(permissions));

    // The Saas suite looks at the Saas permissions; other modules' permissions have their own suites.
    private static async Task<string[]> GrantedAsync(TenantSession admin, string role) =>
        (await admin.Client.GetAsync<RolePermissionsDto>($"/api/saas/roles/{role}/permissions"))
            .Groups.Where(g => g.Name == SaasPermissions.GroupName).SelectMany(g => g.Permissions)
            .Where(p => p.IsGranted).Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

    private int DefaultCount(string role)
    {
        var tenantPermissions = app.Services.GetRequiredService<PermissionDefinitionManager>().ForSide(MultiTenancySides.Tenant);
        return role == StandardRoles.Admin ? tenantPermissions.Count() : tenantPermissions.Count(p => p.DefaultRoles.Contains(role));
    }

    [Fact]
    public async Task The_four_standard_roles_are_listed_with_counts_and_admin_is_not_editable()
    {
        var admin = await app.SignUpAsync();
        await admin.JoinAsync("Technician");
        await admin.JoinAsync("Technician");

        var roles = await admin.Client.GetAsync<List<RoleDto>>("/api/saas/roles");

        roles.ShouldBe(
        [
            new RoleDto("Admin", 1, DefaultCount("Admin"), IsEditable: false),
            new RoleDto("Manager", 0, DefaultCount("Manager"), IsEditable: true),
            new RoleDto("Technician", 2, DefaultCount("Technician"), IsEditable: true),
            new RoleDto("ReadOnly", 0, DefaultCount("ReadOnly"), IsEditable: true),
        ]);
    }

    [Fact]
    public async Task A_roles_permissions_come_grouped_with_parents_and_without_host_permissions()
    {
        var admin = await app.SignUpAsync();

        var manager = await admin.Client.GetAsync<RolePermissionsDto>("/api/saas/roles/manager/permissions");

        manager.Role.ShouldBe("Manager");
        manager.IsEditable.ShouldBeTrue();
        manager.Groups.SelectMany(g => g.Permissions).Select(p => p.Name)
            .ShouldNotContain(name => name == SaasPermissions.Tenants.Default || name == SaasPermissions.Tenants.Manage || name == SaasPermissions.BackgroundJobs);
        var group = manager.Groups.Single(g => g.Name == SaasPermissions.GroupName);
        group.Permissions.Select(p => (p.Name, p.ParentName, p.IsGranted)).ShouldBe(
        [
            (SaasPermissions.Users.Default, null, true),
            (SaasPermissions.Users.Manage, SaasPermissions.Users.Default, false),
            (SaasPermissions.Roles.Default, null, false),
            (SaasPermissions.Roles.Manage, SaasPermissions.Roles.Default, false),
            (SaasPermissions.Settings.Default, null, true),
            (SaasPermissions.Settings.Manage, SaasPermissions.Settings.Default, false),
        ]);
        (await admin.Client.GetAsync<RolePermissionsDto>("/api/saas/roles/Admin/permissions")).IsEditable.ShouldBeFalse();
    }

    [Fact]
    public async Task New_grants_apply_to_members_of_the_role_at_once()
    {
        var admin = await app.SignUpAsync();
        var technician = await admin.AddMemberAsync("Technician");
        var readOnly = await admin.AddMemberAsync("ReadOnly");
        await (await technician.Client.GetResponseAsync("/api/saas/settings")).ShouldHaveStatusAsync(HttpStatusCode.Forbidden);

        var updated = await (await PutGrantsAsync(admin, "Technician", SaasPermissions.Settings.Default)).ReadAsync<RolePermissionsDto>();
        await (await PutGrantsAsync(admin, "ReadOnly")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        updated.Groups.SelectMany(g => g.Permissions).Where(p => p.IsGranted).Select(p => p.Name).ShouldBe([SaasPermissions.Settings.Default]);
        (await GrantedAsync(admin, "ReadOnly")).ShouldBeEmpty();
        await (await technician.Client.GetResponseAsync("/api/saas/settings")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await readOnly.Client.GetResponseAsync("/api/saas/users")).ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        (await technician.Client.GetAsync<AppConfigDto>("/api/app-config")).GrantedPermissions.ShouldBe([SaasPermissions.Settings.Default]);
    }

    [Fact]
    public async Task Grants_of_one_organisation_do_not_change_another()
    {
        var first = await app.SignUpAsync();
        var second = await app.SignUpAsync();

        await (await PutGrantsAsync(first, "Technician", SaasPermissions.Users.Default, SaasPermissions.Users.Manage)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        (await GrantedAsync(second, "Technician")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_admin_role_cannot_be_edited()
    {
        var admin = await app.SignUpAsync();

        var problem = await (await PutGrantsAsync(admin, "Admin", SaasPermissions.Users.Default)).ReadProblemAsync(HttpStatusCode.Conflict);

        problem.Code.ShouldBe(SaasErrorCodes.RoleNotEditable);
        (await GrantedAsync(admin, "Admin")).ShouldBe(
        [
            SaasPermissions.Roles.Default, SaasPermissions.Roles.Manage, SaasPermissions.Settings.Default,
            SaasPermissions.Settings.Manage, SaasPermissions.Users.Default, SaasPermissions.Users.Manage,
        ]);
        await (await admin.Client.GetResponseAsync("/api/saas/roles")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("Saas.Nonsense")]
    [InlineData(SaasPermissions.Tenants.Default)]
    [InlineData(SaasPermissions.BackgroundJobs)]
    public async Task Only_tenant_permissions_can_be_granted(string permission)
    {
        var admin = await app.SignUpAsync();

        var problem = await (await PutGrantsAsync(admin, "Manager", SaasPermissions.Users.Default, permission)).ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors!.Keys.ShouldBe(["grantedPermissions[1]"]);
        (await GrantedAsync(admin, "Manager")).ShouldBe([SaasPermissions.Settings.Default, SaasPermissions.Users.Default]);
    }

    [Fact]
    public async Task A_child_permission_needs_its_parent()
    {
        var admin = await app.SignUpAsync();

        var problem = await (await PutGrantsAsync(admin, "ReadOnly", SaasPermissions.Settings.Default, SaasPermissions.Users.Manage))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors!.Keys.ShouldBe(["grantedPermissions[1]"]);
        (await GrantedAsync(admin, "ReadOnly")).ShouldBe([SaasPermissions.Users.Default]);
    }

    [Fact]
    public async Task The_full_list_is_required()
    {
        var admin = await app.SignUpAsync();

        var problem = await (await PutGrantsAsync(admin, "ReadOnly", null)).ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors!.Keys.ShouldBe(["grantedPermissions"]);
    }

    [Fact]
    public async Task An_unknown_role_is_not_found()
    {
        var admin = await app.SignUpAsync();

        var get = await admin.Client.GetResponseAsync("/api/saas/roles/Janitor/permissions");
        var put = await PutGrantsAsync(admin, "Janitor", SaasPermissions.Users.Default);
        var host = await PutGrantsAsync(admin, "HostAdmin", SaasPermissions.Users.Default);

        (await get.ReadProblemAsync(HttpStatusCode.NotFound)).Code.ShouldBe("NotFound");
        (await put.ReadProblemAsync(HttpStatusCode.NotFound)).Code.ShouldBe("NotFound");
        (await host.ReadProblemAsync(HttpStatusCode.NotFound)).Code.ShouldBe("NotFound");
    }

    [Fact]
    public async Task A_save_with_a_stale_stamp_answers_409_and_keeps_the_other_editors_change()
    {
        var admin = await app.SignUpAsync();
        var read = await admin.Client.GetAsync<RolePermissionsDto>("/api/saas/roles/ReadOnly/permissions");
        var first = await admin.Client.PutJsonAsync("/api/saas/roles/ReadOnly/permissions",
            new UpdateRolePermissionsRequest([SaasPermissions.Users.Default, SaasPermissions.Settings.Default], read.ConcurrencyStamp));
        var saved = await first.ReadAsync<RolePermissionsDto>();

        var stale = await admin.Client.PutJsonAsync("/api/saas/roles/ReadOnly/permissions",
            new UpdateRolePermissionsRequest([], read.ConcurrencyStamp));

        saved.ConcurrencyStamp.ShouldNotBe(read.ConcurrencyStamp);
        (await stale.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe("Concurrency");
        (await GrantedAsync(admin, "ReadOnly")).ShouldBe([SaasPermissions.Settings.Default, SaasPermissions.Users.Default]);
        var fresh = await admin.Client.PutJsonAsync("/api/saas/roles/ReadOnly/permissions", new UpdateRolePermissionsRequest([], saved.ConcurrencyStamp));
        await fresh.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await GrantedAsync(admin, "ReadOnly")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Another_organisations_stamp_does_not_apply_to_this_one()
    {
        var first = await app.SignUpAsync();
        var second = await app.SignUpAsync();
        var theirs = await second.Client.GetAsync<RolePermissionsDto>("/api/saas/roles/Manager/permissions");
        var mine = await first.Client.GetAsync<RolePermissionsDto>("/api/saas/roles/Manager/permissions");

        var response = await PutWithStampAsync(first, "Manager", theirs.ConcurrencyStamp, SaasPermissions.Users.Default);

        theirs.ConcurrencyStamp.ShouldNotBe(mine.ConcurrencyStamp);
        (await response.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe("Concurrency");
        (await GrantedAsync(second, "Manager")).ShouldBe([SaasPermissions.Settings.Default, SaasPermissions.Users.Default]);
    }

    private static Task<HttpResponseMessage> PutWithStampAsync(TenantSession admin, string role, string stamp, params string[] permissions) =>
        admin.Client.PutJsonAsync($"/api/saas/roles/{role}/permissions", new UpdateRolePermissionsRequest(permissions, stamp));
}
