using Regentra.Framework.Paging;
using Regentra.Psa.Contracts.Clients;

namespace Regentra.Psa.Tests;

/// <summary>GET /api/psa/clients: search, the isActive filter, paging and sorting.</summary>
public sealed class ClientListTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private async Task<TenantSession> OrganisationWithClientsAsync(params string[] names)
    {
        var admin = await app.SignUpAsync();
        foreach (var name in names)
        {
            await admin.CreateClientAsync(name);
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        return admin;
    }

    private static Task<PagedResult<ClientDto>> ListAsync(TenantSession session, string query) =>
        session.Client.GetAsync<PagedResult<ClientDto>>($"/api/psa/clients?{query}");

    [Fact]
    public async Task Search_matches_part_of_the_name_whatever_its_case()
    {
        var admin = await OrganisationWithClientsAsync("Contoso", "Northwind Traders", "Wide World Importers");

        var page = await ListAsync(admin, "search=WoRlD");

        page.Items.Select(c => c.Name).ShouldBe(["Wide World Importers"]);
        page.TotalCount.ShouldBe(1);
    }

    [Theory]
    [InlineData("%", "100% Networks")]
    [InlineData("_", "Under_score Ltd")]
    public async Task Search_treats_wildcard_characters_literally(string search, string expected)
    {
        var admin = await OrganisationWithClientsAsync("100% Networks", "Under_score Ltd", "Plain Ltd");

        var page = await ListAsync(admin, $"search={Uri.EscapeDataString(search)}");

        page.Items.Select(c => c.Name).ShouldBe([expected]);
    }

    [Fact]
    public async Task The_active_filter_separates_active_from_deactivated_clients()
    {
        var admin = await OrganisationWithClientsAsync("Alpha", "Bravo", "Charlie");
        var bravo = (await ListAsync(admin, "search=bravo")).Items.Single();
        await (await admin.Client.PostJsonAsync($"/api/psa/clients/{bravo.Id}/deactivate", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var active = await ListAsync(admin, "isActive=true");
        var inactive = await ListAsync(admin, "isActive=false");
        var all = await ListAsync(admin, string.Empty);

        active.Items.Select(c => c.Name).ShouldBe(["Alpha", "Charlie"]);
        inactive.Items.Select(c => c.Name).ShouldBe(["Bravo"]);
        all.TotalCount.ShouldBe(3);
    }

    [Theory]
    [InlineData("", new[] { "alpha", "Bravo", "charlie", "Delta" })]
    [InlineData("sort=name", new[] { "alpha", "Bravo", "charlie", "Delta" })]
    [InlineData("sort=name%20desc", new[] { "Delta", "charlie", "Bravo", "alpha" })]
    [InlineData("sort=creationTime", new[] { "charlie", "alpha", "Delta", "Bravo" })]
    [InlineData("sort=creationTime%20desc", new[] { "Bravo", "Delta", "alpha", "charlie" })]
    public async Task Clients_sort_by_name_case_insensitively_or_by_creation_time(string query, string[] expected)
    {
        var admin = await OrganisationWithClientsAsync("charlie", "alpha", "Delta", "Bravo");

        var page = await ListAsync(admin, query);

        page.Items.Select(c => c.Name).ShouldBe(expected);
    }

    [Fact]
    public async Task Pages_follow_one_another_without_overlap_and_report_the_total()
    {
        var admin = await OrganisationWithClientsAsync("A1", "A2", "A3", "A4", "A5");

        var first = await ListAsync(admin, "sort=name&skip=0&take=2");
        var second = await ListAsync(admin, "sort=name&skip=2&take=2");
        var last = await ListAsync(admin, "sort=name&skip=4&take=2");

        first.Items.Concat(second.Items).Concat(last.Items).Select(c => c.Name).ShouldBe(["A1", "A2", "A3", "A4", "A5"]);
        (first.TotalCount, second.TotalCount, last.TotalCount).ShouldBe((5, 5, 5));
    }

    [Theory]
    [InlineData("take=0", "take")]
    [InlineData("take=1001", "take")]
    [InlineData("skip=-1", "skip")]
    [InlineData("sort=billingEmail", "sort")]
    [InlineData("sort=name%20sideways", "sort")]
    public async Task A_bad_page_or_sort_is_a_validation_error(string query, string field)
    {
        var admin = await app.SignUpAsync();

        var response = await admin.Client.GetResponseAsync($"/api/psa/clients?{query}");

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe([field]);
    }
}
