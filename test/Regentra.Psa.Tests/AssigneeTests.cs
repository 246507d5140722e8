using Regentra.Framework.Paging;
using Regentra.Psa.Contracts.Tickets;

namespace Regentra.Psa.Tests;

/// <summary>GET /api/psa/assignees: the active members a ticket can go to, for anyone who sees tickets.</summary>
public sealed class AssigneeTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private static Task<PagedResult<AssigneeDto>> ListAsync(TenantSession session, string query = "") =>
        session.Client.GetAsync<PagedResult<AssigneeDto>>($"/api/psa/assignees?{query}");

    [Fact]
    public async Task A_technician_lists_the_active_members_by_name_without_the_team_permission()
    {
        var admin = await app.SignUpAsync();
        var tom = await admin.AddMemberAsync("Technician", "Tom Tech");
        var (gone, _) = await admin.JoinAsync("Technician", "Gone Person");
        await admin.JoinAsync("Manager", "Bea Boss");
        await admin.DeactivateMemberAsync(gone);

        var assignees = await ListAsync(tom);

        assignees.Items.Select(a => a.Name).ShouldBe(["Ada Admin", "Bea Boss", "Tom Tech"]);
        assignees.TotalCount.ShouldBe(3);
        assignees.Items.Single(a => a.Name == "Tom Tech").Id.ShouldBe(tom.UserId);
        (await tom.Client.GetResponseAsync("/api/saas/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Search_matches_name_or_email_in_any_case_and_pages_keep_the_total()
    {
        var admin = await app.SignUpAsync();
        await admin.JoinAsync("Technician", "Tom Tech");
        await admin.JoinAsync("Technician", "Tina Tech");

        var byName = await ListAsync(admin, "search=TECH");
        var byEmail = await ListAsync(admin, "search=admin@");
        var second = await ListAsync(admin, "take=1&skip=1");

        byName.Items.Select(a => a.Name).ShouldBe(["Tina Tech", "Tom Tech"]);
        byEmail.Items.ShouldHaveSingleItem().Name.ShouldBe("Ada Admin");
        (second.TotalCount, second.Items.ShouldHaveSingleItem().Name).ShouldBe((3, "Tina Tech"));
    }

    [Theory]
    [InlineData("take=0", "take")]
    [InlineData("take=1001", "take")]
    [InlineData("skip=-1", "skip")]
    [InlineData("sort=email", "sort")]
    public async Task Bad_paging_or_sorting_is_a_validation_error(string query, string field)
    {
        var admin = await app.SignUpAsync();

        var response = await admin.Client.GetResponseAsync($"/api/psa/assignees?{query}");

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe([field]);
    }

    [Fact]
    public async Task Another_organisations_members_are_never_listed()
    {
        var a = await app.SignUpAsync();
        await a.JoinAsync("Technician", "Alien Person");
        var b = await app.SignUpAsync();

        var listed = await ListAsync(b, "search=alien");
        var all = await ListAsync(b);

        listed.TotalCount.ShouldBe(0);
        all.Items.ShouldHaveSingleItem().Id.ShouldBe(b.UserId);
    }
}
