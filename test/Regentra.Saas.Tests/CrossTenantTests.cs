using Regentra.Framework.Paging;
using Regentra.Saas.Contracts.Account;
using Regentra.Saas.Contracts.Invitations;
using Regentra.Saas.Contracts.Roles;
using Regentra.Saas.Contracts.Users;

namespace Regentra.Saas.Tests;

/// <summary>Two organisations side by side: nothing of A is visible to, or changeable by, B.</summary>
public sealed class CrossTenantTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    [Fact]
    public async Task Every_id_of_another_tenant_is_not_found_and_stays_unchanged()
    {
        var a = await app.SignUpAsync();
        var (aMember, _) = await a.JoinAsync("Technician");
        var aInvitation = await a.InviteAsync($"pending@{a.Slug}.test", "Manager");
        var b = await app.SignUpAsync();

        var attempts = new[]
        {
            await b.Client.CallAsync(HttpMethod.Get, $"/api/saas/users/{aMember}"),
            await b.Client.CallAsync(HttpMethod.Get, $"/api/saas/users/{a.UserId}"),
            await b.Client.CallAsync(HttpMethod.Put, $"/api/saas/users/{aMember}/role", new ChangeUserRoleRequest("Admin")),
            await b.Client.CallAsync(HttpMethod.Post, $"/api/saas/users/{aMember}/deactivate"),
            await b.Client.CallAsync(HttpMethod.Post, $"/api/saas/users/{a.UserId}/deactivate"),
            await b.Client.CallAsync(HttpMethod.Post, $"/api/saas/users/{aMember}/reactivate"),
            await b.Client.CallAsync(HttpMethod.Delete, $"/api/saas/invitations/{aInvitation.Id}"),
        };

        foreach (var response in attempts)
        {
            (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Code.ShouldBe("NotFound");
        }

        var member = await a.Client.GetAsync<UserDto>($"/api/saas/users/{aMember}");
        (member.Role, member.IsActive).ShouldBe(("Technician", true));
        (await a.Client.GetAsync<UserDto>($"/api/saas/users/{a.UserId}")).IsActive.ShouldBeTrue();
        (await a.Client.GetAsync<List<InvitationDto>>("/api/saas/invitations")).Single(i => i.Id == aInvitation.Id).Status.ShouldBe("Pending");
    }

    [Fact]
    public async Task Lists_show_only_the_callers_own_organisation()
    {
        var a = await app.SignUpAsync();
        await a.JoinAsync("Technician");
        await a.JoinAsync("Technician");
        await a.InviteAsync($"pending@{a.Slug}.test", "Manager");
        var b = await app.SignUpAsync();

        var users = await b.Client.GetAsync<PagedResult<UserDto>>("/api/saas/users?take=1000");
        var searched = await b.Client.GetAsync<PagedResult<UserDto>>($"/api/saas/users?search={a.Slug}");
        var invitations = await b.Client.GetAsync<List<InvitationDto>>("/api/saas/invitations");
        var roles = await b.Client.GetAsync<List<RoleDto>>("/api/saas/roles");

        users.TotalCount.ShouldBe(1);
        users.Items.ShouldHaveSingleItem().Id.ShouldBe(b.UserId);
        searched.TotalCount.ShouldBe(0);
        invitations.ShouldBeEmpty();
        roles.Select(r => (r.Name, r.UserCount)).ShouldBe([("Admin", 1), ("Manager", 0), ("Technician", 0), ("ReadOnly", 0)]);
    }

    [Fact]
    public async Task A_token_always_acts_in_its_own_tenant_whatever_the_request_says()
    {
        var a = await app.SignUpAsync();
        var b = await app.SignUpAsync();

        var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/saas/users?__tenant={a.TenantId}&tenantId={a.TenantId}", UriKind.Relative));
        request.Headers.Add("__tenant", a.TenantId.ToString());
        request.Headers.Add("X-Tenant-Id", a.TenantId.ToString());
        var response = await b.Client.SendAsync(request, TestContext.Current.CancellationToken);

        (await response.ReadAsync<PagedResult<UserDto>>()).Items.ShouldHaveSingleItem().Id.ShouldBe(b.UserId);
        (await b.Client.GetAsync<AppConfigDto>("/api/app-config")).CurrentTenant!.Id.ShouldBe(b.TenantId);
    }

    [Fact]
    public async Task Settings_and_grants_changed_in_one_tenant_leave_the_other_alone()
    {
        var a = await app.SignUpAsync();
        var b = await app.SignUpAsync();
        var aSettings = await a.Client.GetSettingsAsync();

        var bSettings = await b.Client.GetSettingsAsync();
        await (await b.Client.PutJsonAsync("/api/saas/settings", bSettings.AsUpdate() with { OrganizationName = "B renamed", Currency = "EUR" }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await b.Client.PutJsonAsync("/api/saas/roles/ReadOnly/permissions", new UpdateRolePermissionsRequest([])))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);

        (await a.Client.GetSettingsAsync()).ShouldBe(aSettings);
        var aReadOnly = await a.AddMemberAsync("ReadOnly");
        await (await aReadOnly.Client.GetResponseAsync("/api/saas/users")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_same_person_can_be_a_member_of_two_organisations_with_separate_accounts()
    {
        var a = await app.SignUpAsync();
        var b = await app.SignUpAsync();
        const string email = "freelancer@consulting.test";
        await AcceptAsync(await a.InviteAsync(email, "Manager"), "A-Password-1");

        var intoB = await b.InviteAsync(email, "Technician");
        await AcceptAsync(intoB, "B-Password-2");

        var inA = await app.SignInAsync(a.Slug, email, "A-Password-1", a.TenantId);
        var inB = await app.SignInAsync(b.Slug, email, "B-Password-2", b.TenantId);
        inA.UserId.ShouldNotBe(inB.UserId);
        (await inA.Client.GetAsync<AppConfigDto>("/api/app-config")).CurrentUser!.Roles.ShouldBe(["Manager"]);
        (await inB.Client.GetAsync<AppConfigDto>("/api/app-config")).CurrentUser!.Roles.ShouldBe(["Technician"]);
        await (await app.CreateClient().PostJsonAsync("/api/account/token", new LoginRequest(b.Slug, email, "A-Password-1")))
            .ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
    }

    private async Task AcceptAsync(InvitationDto invitation, string password) =>
        await (await app.CreateClient().PostJsonAsync("/api/saas/invitations/accept",
            new AcceptInvitationRequest(Sessions.TokenOf(invitation), "Free Lancer", password))).ShouldHaveStatusAsync(HttpStatusCode.OK);
}
