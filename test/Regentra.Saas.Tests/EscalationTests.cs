using Regentra.Saas.Contracts;
using Regentra.Saas.Contracts.Invitations;
using Regentra.Saas.Contracts.Roles;
using Regentra.Saas.Contracts.Users;

namespace Regentra.Saas.Tests;

/// <summary>Team management never lets someone hand out more than they hold themselves.</summary>
public sealed class EscalationTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private async Task<(TenantSession Admin, TenantSession Manager)> ManagerWhoManagesTheTeamAsync()
    {
        var admin = await app.SignUpAsync();
        var managerGrants = (await admin.Client.GetAsync<RolePermissionsDto>("/api/saas/roles/Manager/permissions"))
            .Groups.SelectMany(g => g.Permissions).Where(p => p.IsGranted).Select(p => p.Name).Append(SaasPermissions.Users.Manage).ToArray();
        await (await admin.Client.PutJsonAsync("/api/saas/roles/Manager/permissions", new UpdateRolePermissionsRequest(managerGrants)))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        return (admin, await admin.AddMemberAsync("Manager"));
    }

    [Fact]
    public async Task A_manager_who_manages_the_team_cannot_invite_an_admin_but_can_invite_a_technician()
    {
        var (_, manager) = await ManagerWhoManagesTheTeamAsync();

        var asAdmin = await manager.Client.PostJsonAsync("/api/saas/invitations", new CreateInvitationRequest($"boss@{manager.Slug}.test", "Admin"));
        var asTechnician = await manager.Client.PostJsonAsync("/api/saas/invitations", new CreateInvitationRequest($"tech@{manager.Slug}.test", "Technician"));

        var problem = await asAdmin.ReadProblemAsync(HttpStatusCode.Forbidden);
        problem.Code.ShouldBe(SaasErrorCodes.RoleNotGrantable);
        problem.Detail!.ShouldContain(SaasPermissions.Roles.Manage);
        await asTechnician.ShouldHaveStatusAsync(HttpStatusCode.Created);
        (await manager.Client.GetAsync<List<InvitationDto>>("/api/saas/invitations")).Select(i => i.Role).ShouldBe(["Technician"]);
    }

    [Fact]
    public async Task A_manager_cannot_promote_anyone_to_admin_nor_demote_or_deactivate_an_admin()
    {
        var (admin, manager) = await ManagerWhoManagesTheTeamAsync();
        var technician = await admin.AddMemberAsync("Technician");

        var promote = await manager.Client.PutJsonAsync($"/api/saas/users/{technician.UserId}/role", new ChangeUserRoleRequest("Admin"));
        var demote = await manager.Client.PutJsonAsync($"/api/saas/users/{admin.UserId}/role", new ChangeUserRoleRequest("Technician"));
        var deactivate = await manager.Client.PostJsonAsync($"/api/saas/users/{admin.UserId}/deactivate", null);

        (await promote.ReadProblemAsync(HttpStatusCode.Forbidden)).Code.ShouldBe(SaasErrorCodes.RoleNotGrantable);
        (await demote.ReadProblemAsync(HttpStatusCode.Forbidden)).Code.ShouldBe(SaasErrorCodes.RoleNotGrantable);
        (await deactivate.ReadProblemAsync(HttpStatusCode.Forbidden)).Code.ShouldBe(SaasErrorCodes.RoleNotGrantable);
        (await admin.Client.GetAsync<UserDto>($"/api/saas/users/{technician.UserId}")).Role.ShouldBe("Technician");
        var untouched = await admin.Client.GetAsync<UserDto>($"/api/saas/users/{admin.UserId}");
        (untouched.Role, untouched.IsActive).ShouldBe(("Admin", true));
    }

    [Fact]
    public async Task A_manager_can_move_a_technician_to_read_only_and_back()
    {
        var (admin, manager) = await ManagerWhoManagesTheTeamAsync();
        var technician = await admin.AddMemberAsync("Technician");

        var readOnly = await (await manager.Client.PutJsonAsync($"/api/saas/users/{technician.UserId}/role", new ChangeUserRoleRequest("readonly")))
            .ReadAsync<UserDto>();
        var back = await (await manager.Client.PutJsonAsync($"/api/saas/users/{technician.UserId}/role", new ChangeUserRoleRequest("Technician")))
            .ReadAsync<UserDto>();

        (readOnly.Role, back.Role).ShouldBe(("ReadOnly", "Technician"));
    }

    [Theory]
    [InlineData("technician")]
    [InlineData("TECHNICIAN")]
    public async Task The_role_filter_ignores_case_like_every_other_use_of_role_names(string role)
    {
        var admin = await app.SignUpAsync();
        await admin.JoinAsync("Technician");

        var page = await admin.Client.GetAsync<Framework.Paging.PagedResult<UserDto>>($"/api/saas/users?role={role}");

        page.Items.ShouldHaveSingleItem().Role.ShouldBe("Technician");
    }
}
