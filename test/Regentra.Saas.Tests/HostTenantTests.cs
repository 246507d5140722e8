using Regentra.Framework.Errors;
using Regentra.Framework.Paging;
using Regentra.Saas.Contracts;
using Regentra.Saas.Contracts.Account;
using Regentra.Saas.Contracts.Invitations;
using Regentra.Saas.Contracts.Tenants;

namespace Regentra.Saas.Tests;

public sealed class HostTenantTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private static Task<HttpResponseMessage> SuspendAsync(HttpClient host, Guid tenantId, string? reason = null) =>
        host.CallAsync(HttpMethod.Post, $"/api/saas/tenants/{tenantId}/suspend", reason is null ? null : new SuspendTenantRequest(reason));

    private static Task<HttpResponseMessage> ReactivateAsync(HttpClient host, Guid tenantId) =>
        host.CallAsync(HttpMethod.Post, $"/api/saas/tenants/{tenantId}/reactivate");

    private Task<HttpResponseMessage> TokenAsync(TenantSession member) =>
        app.CreateClient().PostJsonAsync("/api/account/token", new LoginRequest(member.Slug, member.Email, Sessions.Password));

    [Fact]
    public async Task The_host_admin_pages_and_searches_the_tenant_list()
    {
        var marker = $"zq{Guid.NewGuid():N}"[..10];
        var alpha = await app.SignUpAsync(organizationName: $"{marker} Alpha");
        await alpha.JoinAsync("Technician");
        await app.SignUpAsync(organizationName: $"{marker} Beta");
        await app.SignUpAsync(organizationName: $"{marker} Gamma");
        var host = await app.SignInHostAdminAsync();

        var firstPage = await host.GetAsync<PagedResult<TenantDto>>($"/api/saas/tenants?search={marker.ToUpperInvariant()}&sort=name&take=2");
        var secondPage = await host.GetAsync<PagedResult<TenantDto>>($"/api/saas/tenants?search={marker}&sort=name&skip=2&take=2");
        var bySlug = await host.GetAsync<PagedResult<TenantDto>>($"/api/saas/tenants?search={alpha.Slug}");
        var byUsers = await host.GetAsync<PagedResult<TenantDto>>($"/api/saas/tenants?search={marker}&sort=userCount desc");

        firstPage.TotalCount.ShouldBe(3);
        firstPage.Items.Select(t => t.Name).ShouldBe([$"{marker} Alpha", $"{marker} Beta"]);
        secondPage.Items.Select(t => t.Name).ShouldBe([$"{marker} Gamma"]);
        bySlug.Items.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            t => t.Id.ShouldBe(alpha.TenantId),
            t => t.UserCount.ShouldBe(2),
            t => t.IsActive.ShouldBeTrue());
        byUsers.Items[0].Id.ShouldBe(alpha.TenantId);
    }

    [Theory]
    [InlineData("take=0", "take")]
    [InlineData("sort=revenue", "sort")]
    public async Task Bad_paging_of_the_tenant_list_is_a_validation_error(string query, string field)
    {
        var host = await app.SignInHostAdminAsync();

        var problem = await (await host.GetResponseAsync($"/api/saas/tenants?{query}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors!.Keys.ShouldBe([field]);
    }

    [Fact]
    public async Task Suspending_blocks_every_token_and_sign_in_of_the_tenant_and_reactivating_restores_them()
    {
        var admin = await app.SignUpAsync(organizationName: "Fabrikam");
        var technician = await admin.AddMemberAsync("Technician");
        var bystander = await app.SignUpAsync();
        var host = await app.SignInHostAdminAsync();

        var suspended = await (await SuspendAsync(host, admin.TenantId, "Unpaid invoices")).ReadAsync<TenantDto>();

        suspended.ShouldSatisfyAllConditions(
            t => t.IsActive.ShouldBeFalse(),
            t => t.SuspendedAt.ShouldBe(app.Clock.GetUtcNow().UtcDateTime),
            t => t.SuspensionReason.ShouldBe("Unpaid invoices"));
        foreach (var session in new[] { admin, technician })
        {
            (await (await session.Client.GetResponseAsync("/api/app-config")).ReadProblemAsync(HttpStatusCode.Forbidden))
                .Code.ShouldBe(FrameworkErrorCodes.TenantSuspended);
            (await (await TokenAsync(session)).ReadProblemAsync(HttpStatusCode.Forbidden)).Code.ShouldBe(FrameworkErrorCodes.TenantSuspended);
        }

        var cookieLogin = await app.CreateClient().PostJsonAsync("/api/account/login", new LoginRequest(admin.Slug, admin.Email, Sessions.Password));
        (await cookieLogin.ReadProblemAsync(HttpStatusCode.Forbidden)).Code.ShouldBe(FrameworkErrorCodes.TenantSuspended);
        await (await bystander.Client.GetResponseAsync("/api/saas/users")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await host.GetAsync<PagedResult<TenantDto>>($"/api/saas/tenants?isActive=false&search={admin.Slug}")).TotalCount.ShouldBe(1);

        var reactivated = await (await ReactivateAsync(host, admin.TenantId)).ReadAsync<TenantDto>();

        (reactivated.IsActive, reactivated.SuspendedAt, reactivated.SuspensionReason).ShouldBe((true, null, null));
        await (await admin.Client.GetResponseAsync("/api/saas/users")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await TokenAsync(technician)).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_suspended_tenants_invitations_cannot_be_accepted()
    {
        var admin = await app.SignUpAsync();
        var invitation = await admin.InviteAsync($"late@{admin.Slug}.test", "Technician");
        var host = await app.SignInHostAdminAsync();
        await (await SuspendAsync(host, admin.TenantId)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var response = await app.CreateClient().PostJsonAsync("/api/saas/invitations/accept",
            new AcceptInvitationRequest(Sessions.TokenOf(invitation), "Late Comer", Sessions.Password));

        (await response.ReadProblemAsync(HttpStatusCode.Forbidden)).Code.ShouldBe(FrameworkErrorCodes.TenantSuspended);
    }

    [Fact]
    public async Task A_suspension_reason_is_optional_but_limited_in_length()
    {
        var admin = await app.SignUpAsync();
        var host = await app.SignInHostAdminAsync();

        var tooLong = await SuspendAsync(host, admin.TenantId, new string('r', 501));
        (await tooLong.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["reason"]);
        (await host.GetAsync<TenantDto>($"/api/saas/tenants/{admin.TenantId}")).IsActive.ShouldBeTrue();

        var withoutBody = await (await SuspendAsync(host, admin.TenantId)).ReadAsync<TenantDto>();
        (withoutBody.IsActive, withoutBody.SuspensionReason).ShouldBe((false, null));
    }

    [Fact]
    public async Task An_unknown_tenant_is_not_found()
    {
        var host = await app.SignInHostAdminAsync();
        var unknown = Guid.NewGuid();

        foreach (var response in new[]
                 {
                     await host.GetResponseAsync($"/api/saas/tenants/{unknown}"),
                     await SuspendAsync(host, unknown, "why not"),
                     await ReactivateAsync(host, unknown),
                 })
        {
            (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Code.ShouldBe("NotFound");
        }
    }

    [Fact]
    public async Task A_tenant_admin_cannot_reach_the_host_endpoints()
    {
        var admin = await app.SignUpAsync();

        var list = await admin.Client.GetResponseAsync("/api/saas/tenants");
        var suspendSelf = await SuspendAsync(admin.Client, admin.TenantId, "self");

        (await list.ReadProblemAsync(HttpStatusCode.Forbidden)).Detail!.ShouldContain(SaasPermissions.Tenants.Default);
        (await suspendSelf.ReadProblemAsync(HttpStatusCode.Forbidden)).Detail!.ShouldContain(SaasPermissions.Tenants.Manage);
    }

    [Fact]
    public async Task The_host_admin_cannot_reach_tenant_endpoints()
    {
        var host = await app.SignInHostAdminAsync();

        var users = await host.GetResponseAsync("/api/saas/users");
        var settings = await host.GetResponseAsync("/api/saas/settings");
        var config = await host.GetAsync<AppConfigDto>("/api/app-config");

        (await users.ReadProblemAsync(HttpStatusCode.Forbidden)).Detail!.ShouldContain(SaasPermissions.Users.Default);
        (await settings.ReadProblemAsync(HttpStatusCode.Forbidden)).Code.ShouldBe("Security:PermissionDenied");
        (config.CurrentTenant, config.Settings).ShouldBe((null, null));
    }

    [Fact]
    public async Task A_host_administrator_email_can_be_created_only_once()
    {
        var email = $"ops-{Guid.NewGuid():N}@regentra.test";
        await app.Services.CreateHostAdminAsync(email, Sessions.Password, TestContext.Current.CancellationToken);

        var again = await Should.ThrowAsync<BusinessException>(
            () => app.Services.CreateHostAdminAsync(email, "Another-Horse-8", TestContext.Current.CancellationToken));

        again.Code.ShouldBe(SaasErrorCodes.HostAdminExists);
    }
}
