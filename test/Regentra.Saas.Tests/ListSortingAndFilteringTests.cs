using Regentra.Framework.Paging;
using Regentra.Saas.Contracts.Tenants;
using Regentra.Saas.Contracts.Users;

namespace Regentra.Saas.Tests;

/// <summary>Every sortable field and filter of the lists translates to SQL on both providers.</summary>
public sealed class ListSortingAndFilteringTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    [Theory]
    [InlineData("name")]
    [InlineData("email desc")]
    [InlineData("role")]
    [InlineData("creationTime desc")]
    [InlineData("lastLoginTime")]
    [InlineData("role desc,name")]
    public async Task The_team_list_sorts_by_each_declared_field(string sort)
    {
        var admin = await app.SignUpAsync();
        await admin.AddMemberAsync("Technician", "Zed Tech");
        await admin.AddMemberAsync("Manager", "Amy Manager");

        var page = await admin.Client.GetAsync<PagedResult<UserDto>>($"/api/saas/users?sort={Uri.EscapeDataString(sort)}");

        page.TotalCount.ShouldBe(3);
        page.Items.Count.ShouldBe(3);
    }

    [Fact]
    public async Task The_team_list_filters_by_search_role_and_activity_together()
    {
        var admin = await app.SignUpAsync();
        var tech = await admin.AddMemberAsync("Technician", "Zed Tech");
        await admin.AddMemberAsync("Technician", "Yan Tech");
        await admin.AddMemberAsync("Manager", "Amy Manager");
        await (await admin.Client.PostJsonAsync($"/api/saas/users/{tech.UserId}/deactivate", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var page = await admin.Client.GetAsync<PagedResult<UserDto>>("/api/saas/users?search=TECH&role=Technician&isActive=true&sort=name");

        page.Items.Select(u => u.Name).ShouldBe(["Yan Tech"]);
        page.TotalCount.ShouldBe(1);
    }

    [Fact]
    public async Task The_team_list_pages_in_a_stable_order()
    {
        var admin = await app.SignUpAsync();
        for (var i = 0; i < 3; i++)
        {
            await admin.AddMemberAsync("ReadOnly", "Same Name");
        }

        var first = await admin.Client.GetAsync<PagedResult<UserDto>>("/api/saas/users?sort=name&skip=0&take=2");
        var second = await admin.Client.GetAsync<PagedResult<UserDto>>("/api/saas/users?sort=name&skip=2&take=2");

        first.Items.Concat(second.Items).Select(u => u.Id).Distinct().Count().ShouldBe(4);
        first.TotalCount.ShouldBe(4);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("slug desc")]
    [InlineData("creationTime")]
    [InlineData("userCount desc")]
    public async Task The_tenant_list_sorts_and_searches_for_the_host_operator(string sort)
    {
        var tenant = await app.SignUpAsync(organizationName: "Sortable Systems");
        var host = await app.SignInHostAdminAsync();

        var page = await host.GetAsync<PagedResult<TenantDto>>($"/api/saas/tenants?search=sortable&isActive=true&sort={Uri.EscapeDataString(sort)}");

        page.Items.ShouldContain(t => t.Id == tenant.TenantId && t.UserCount == 1);
        page.Items.ShouldAllBe(t => t.Name.Contains("Sortable", StringComparison.Ordinal));
    }
}
