using Regentra.Framework.Paging;
using Regentra.Saas.Contracts;
using Regentra.Saas.Contracts.Account;
using Regentra.Saas.Contracts.Roles;
using Regentra.Saas.Contracts.Users;

namespace Regentra.Saas.Tests;

public sealed class TeamTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private static Task<HttpResponseMessage> ChangeRoleAsync(TenantSession caller, Guid userId, string role) =>
        caller.Client.PutJsonAsync($"/api/saas/users/{userId}/role", new ChangeUserRoleRequest(role));

    private static Task<HttpResponseMessage> PostAsync(TenantSession caller, string url) => caller.Client.CallAsync(HttpMethod.Post, url);

    private static async Task<string[]> NamesAsync(TenantSession caller, string query)
    {
        var page = await caller.Client.GetAsync<PagedResult<UserDto>>($"/api/saas/users?{query}");
        return page.Items.Select(u => u.Name).ToArray();
    }

    /// <summary>An organisation of four: Ada (Admin), Bob (Technician), Cleo (ReadOnly), Dan (Manager).</summary>
    private async Task<TenantSession> TeamOfFourAsync()
    {
        var admin = await app.SignUpAsync();
        await admin.JoinAsync("Technician", "Bob Builder");
        await admin.JoinAsync("ReadOnly", "Cleo Clerk");
        await admin.JoinAsync("Manager", "Dan Dispatcher");
        return admin;
    }

    [Fact]
    public async Task The_team_list_pages_sorts_and_filters()
    {
        var admin = await TeamOfFourAsync();

        var all = await admin.Client.GetAsync<PagedResult<UserDto>>("/api/saas/users");

        all.TotalCount.ShouldBe(4);
        all.Items.Select(u => (u.Name, u.Role)).ShouldBe(
            [("Ada Admin", "Admin"), ("Bob Builder", "Technician"), ("Cleo Clerk", "ReadOnly"), ("Dan Dispatcher", "Manager")]);
        (await NamesAsync(admin, "sort=name desc&skip=1&take=2")).ShouldBe(["Cleo Clerk", "Bob Builder"]);
        (await NamesAsync(admin, "sort=role")).ShouldBe(["Ada Admin", "Dan Dispatcher", "Cleo Clerk", "Bob Builder"]);
        (await NamesAsync(admin, "search=CLEO")).ShouldBe(["Cleo Clerk"]);
        (await NamesAsync(admin, "search=technician-")).ShouldBe(["Bob Builder"]);
        (await NamesAsync(admin, "role=Manager")).ShouldBe(["Dan Dispatcher"]);
        var paged = await admin.Client.GetAsync<PagedResult<UserDto>>("/api/saas/users?sort=email&skip=3&take=2");
        paged.TotalCount.ShouldBe(4);
        paged.Items.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Deactivated_members_can_be_listed_apart()
    {
        var admin = await app.SignUpAsync();
        var (bob, _) = await admin.JoinAsync("Technician", "Bob Builder");
        await admin.JoinAsync("Technician", "Tess Tech");
        await (await PostAsync(admin, $"/api/saas/users/{bob}/deactivate")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        (await NamesAsync(admin, "isActive=false")).ShouldBe(["Bob Builder"]);
        (await NamesAsync(admin, "isActive=true&role=Technician")).ShouldBe(["Tess Tech"]);
    }

    [Theory]
    [InlineData("take=0", "take")]
    [InlineData("take=1001", "take")]
    [InlineData("skip=-1", "skip")]
    [InlineData("sort=passwordHash", "sort")]
    [InlineData("sort=name sideways", "sort")]
    public async Task Bad_paging_or_sorting_is_a_validation_error(string query, string field)
    {
        var admin = await app.SignUpAsync();

        var problem = await (await admin.Client.GetResponseAsync($"/api/saas/users?{query}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Code.ShouldBe("Validation");
        problem.Errors!.Keys.ShouldBe([field]);
    }

    [Fact]
    public async Task The_largest_page_is_allowed()
    {
        var admin = await app.SignUpAsync();

        (await admin.Client.GetAsync<PagedResult<UserDto>>("/api/saas/users?take=1000")).TotalCount.ShouldBe(1);
    }

    [Fact]
    public async Task A_member_is_read_by_id_and_an_unknown_id_is_not_found()
    {
        var admin = await app.SignUpAsync();
        var (bob, email) = await admin.JoinAsync("Technician", "Bob Builder");

        var user = await admin.Client.GetAsync<UserDto>($"/api/saas/users/{bob}");
        var unknown = await admin.Client.GetResponseAsync($"/api/saas/users/{Guid.NewGuid()}");

        user.ShouldSatisfyAllConditions(
            u => u.Email.ShouldBe(email),
            u => u.Role.ShouldBe("Technician"),
            u => u.IsActive.ShouldBeTrue(),
            u => u.LastLoginTime.ShouldBeNull());
        (await unknown.ReadProblemAsync(HttpStatusCode.NotFound)).Code.ShouldBe("NotFound");
    }

    [Fact]
    public async Task A_new_role_applies_to_the_members_next_request()
    {
        var admin = await app.SignUpAsync();
        var technician = await admin.AddMemberAsync("Technician");
        await (await technician.Client.GetResponseAsync("/api/saas/users")).ShouldHaveStatusAsync(HttpStatusCode.Forbidden);

        var changed = await (await ChangeRoleAsync(admin, technician.UserId, "Manager")).ReadAsync<UserDto>();

        changed.Role.ShouldBe("Manager");
        await (await technician.Client.GetResponseAsync("/api/saas/users")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await technician.Client.GetAsync<AppConfigDto>("/api/app-config")).CurrentUser!.Roles.ShouldBe(["Manager"]);

        await (await ChangeRoleAsync(admin, technician.UserId, "technician")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await technician.Client.GetResponseAsync("/api/saas/users")).ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("Janitor")]
    [InlineData("HostAdmin")]
    [InlineData("")]
    public async Task Only_a_role_of_the_organisation_can_be_given(string role)
    {
        var admin = await app.SignUpAsync();
        var (bob, _) = await admin.JoinAsync("Technician");

        var problem = await (await ChangeRoleAsync(admin, bob, role)).ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors!.Keys.ShouldBe(["role"]);
        (await admin.Client.GetAsync<UserDto>($"/api/saas/users/{bob}")).Role.ShouldBe("Technician");
    }

    [Fact]
    public async Task Nobody_changes_their_own_role_or_deactivates_themselves()
    {
        var admin = await app.SignUpAsync();
        await admin.AddMemberAsync("Admin");

        var demote = await ChangeRoleAsync(admin, admin.UserId, "Manager");
        var deactivate = await PostAsync(admin, $"/api/saas/users/{admin.UserId}/deactivate");

        (await demote.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(SaasErrorCodes.CannotChangeSelf);
        (await deactivate.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(SaasErrorCodes.CannotChangeSelf);
        var me = await admin.Client.GetAsync<UserDto>($"/api/saas/users/{admin.UserId}");
        (me.Role, me.IsActive).ShouldBe(("Admin", true));
    }

    [Fact]
    public async Task The_last_active_admin_can_be_neither_demoted_nor_deactivated()
    {
        // Only someone holding every permission an Admin holds may act on an Admin at all (no escalation),
        // so the last-admin rule is tested with a Manager role granted everything.
        var admin = await app.SignUpAsync();
        var everything = (await admin.Client.GetAsync<RolePermissionsDto>("/api/saas/roles/Admin/permissions"))
            .Groups.SelectMany(g => g.Permissions).Select(p => p.Name).ToArray();
        await GrantAsync(admin, "Manager", everything);
        var manager = await admin.AddMemberAsync("Manager");
        var (otherAdmin, _) = await admin.JoinAsync("Admin");
        await (await PostAsync(admin, $"/api/saas/users/{otherAdmin}/deactivate")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var demote = await ChangeRoleAsync(manager, admin.UserId, "Technician");
        var deactivate = await PostAsync(manager, $"/api/saas/users/{admin.UserId}/deactivate");

        (await demote.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(SaasErrorCodes.LastAdmin);
        (await deactivate.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(SaasErrorCodes.LastAdmin);
        var stillAdmin = await admin.Client.GetAsync<UserDto>($"/api/saas/users/{admin.UserId}");
        (stillAdmin.Role, stillAdmin.IsActive).ShouldBe(("Admin", true));
    }

    [Fact]
    public async Task An_admin_can_be_demoted_while_another_active_admin_remains()
    {
        var admin = await app.SignUpAsync();
        var (otherAdmin, _) = await admin.JoinAsync("Admin");

        var demoted = await (await ChangeRoleAsync(admin, otherAdmin, "Manager")).ReadAsync<UserDto>();

        demoted.Role.ShouldBe("Manager");
    }

    [Fact]
    public async Task Deactivation_ends_the_members_token_at_once_and_refuses_sign_in()
    {
        var admin = await app.SignUpAsync();
        var member = await admin.AddMemberAsync("Manager");
        await (await member.Client.GetResponseAsync("/api/saas/users")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var deactivated = await (await PostAsync(admin, $"/api/saas/users/{member.UserId}/deactivate")).ReadAsync<UserDto>();

        deactivated.IsActive.ShouldBeFalse();
        (await (await member.Client.GetResponseAsync("/api/saas/users")).ReadProblemAsync(HttpStatusCode.Unauthorized))
            .Code.ShouldBeOneOf(SaasErrorCodes.UserDeactivated, SaasErrorCodes.SessionRevoked);
        (await (await TokenAsync(member, Sessions.Password)).ReadProblemAsync(HttpStatusCode.Forbidden)).Code.ShouldBe(SaasErrorCodes.UserDeactivated);
        (await (await TokenAsync(member, "Wrong-Horse-9")).ReadProblemAsync(HttpStatusCode.Unauthorized)).Code.ShouldBe(SaasErrorCodes.InvalidCredentials);
    }

    [Fact]
    public async Task Deactivation_ends_a_cookie_session_too()
    {
        var admin = await app.SignUpAsync();
        var member = await admin.AddMemberAsync("Manager");
        var browser = await app.CookieSignInAsync(member.Slug, member.Email);

        await (await PostAsync(admin, $"/api/saas/users/{member.UserId}/deactivate")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var response = await browser.Client.GetResponseAsync("/api/saas/users");
        (await response.ReadProblemAsync(HttpStatusCode.Unauthorized)).Code.ShouldBe(SaasErrorCodes.UserDeactivated);
        Api.SetCookieHeader(response, ".Regentra.Auth")!.ShouldContain("expires=Thu, 01 Jan 1970");
    }

    [Fact]
    public async Task A_reactivated_member_signs_in_again_but_old_tokens_stay_dead()
    {
        var admin = await app.SignUpAsync();
        var member = await admin.AddMemberAsync("Manager");
        await (await PostAsync(admin, $"/api/saas/users/{member.UserId}/deactivate")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var reactivated = await (await PostAsync(admin, $"/api/saas/users/{member.UserId}/reactivate")).ReadAsync<UserDto>();

        reactivated.IsActive.ShouldBeTrue();
        (await (await member.Client.GetResponseAsync("/api/saas/users")).ReadProblemAsync(HttpStatusCode.Unauthorized))
            .Code.ShouldBe(SaasErrorCodes.SessionRevoked);
        var again = await app.SignInAsync(member.Slug, member.Email, Sessions.Password, member.TenantId);
        await (await again.Client.GetResponseAsync("/api/saas/users")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    private Task<HttpResponseMessage> TokenAsync(TenantSession member, string password) =>
        app.CreateClient().PostJsonAsync("/api/account/token", new LoginRequest(member.Slug, member.Email, password));

    private static async Task GrantAsync(TenantSession admin, string role, params string[] permissions) =>
        await (await admin.Client.PutJsonAsync($"/api/saas/roles/{role}/permissions", new UpdateRolePermissionsRequest(permissions)))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
}
