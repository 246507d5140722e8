using Regentra.Framework.Paging;
using Regentra.Psa.Contracts.Tickets;

namespace Regentra.Psa.Tests;

/// <summary>GET /api/psa/tickets: filters by status, client, assignee and text, and every sort.</summary>
public sealed class TicketListTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private static async Task<PagedResult<TicketDto>> ListAsync(TenantSession session, string query) =>
        await session.Client.GetAsync<PagedResult<TicketDto>>($"/api/psa/tickets?{query}");

    private static async Task<string[]> TitlesAsync(TenantSession session, string query) =>
        [.. (await ListAsync(session, query)).Items.Select(t => t.Title)];

    private static async Task<TicketDetailDto> TicketAsync(TenantSession session, Guid clientId, string title, TicketPriority priority, Guid? assigneeId = null) =>
        await (await session.Client.PostJsonAsync("/api/psa/tickets", new CreateTicketRequest(clientId, title, null, priority, assigneeId)))
            .ReadAsync<TicketDetailDto>(HttpStatusCode.Created);

    [Fact]
    public async Task Status_filter_takes_a_comma_separated_list_in_any_case()
    {
        var admin = await app.SignUpAsync();
        var client = await admin.CreateClientAsync();
        await admin.CreateTicketAsync(client.Id, "Open one");
        await admin.MoveTicketAsync((await admin.CreateTicketAsync(client.Id, "Working")).Id, TicketStatus.InProgress);
        await admin.MoveTicketAsync((await admin.CreateTicketAsync(client.Id, "Done")).Id, TicketStatus.Resolved, TicketStatus.Closed);

        var open = await TitlesAsync(admin, "status=Open&sort=title");
        var active = await TitlesAsync(admin, "status=open,%20INPROGRESS&sort=title");
        var all = await TitlesAsync(admin, "sort=title");

        open.ShouldBe(["Open one"]);
        active.ShouldBe(["Open one", "Working"]);
        all.ShouldBe(["Done", "Open one", "Working"]);
    }

    [Fact]
    public async Task An_unknown_status_is_a_validation_error()
    {
        var admin = await app.SignUpAsync();

        var response = await admin.Client.GetResponseAsync("/api/psa/tickets?status=Open,Pending");

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["status"]);
    }

    [Fact]
    public async Task Priority_filter_takes_a_comma_separated_list_and_combines_with_status()
    {
        var admin = await app.SignUpAsync();
        var client = await admin.CreateClientAsync();
        await TicketAsync(admin, client.Id, "Low one", TicketPriority.Low);
        await TicketAsync(admin, client.Id, "Urgent open", TicketPriority.Urgent);
        await admin.MoveTicketAsync((await TicketAsync(admin, client.Id, "Urgent working", TicketPriority.Urgent)).Id, TicketStatus.InProgress);
        await TicketAsync(admin, client.Id, "High one", TicketPriority.High);

        (await TitlesAsync(admin, "priority=urgent&sort=title")).ShouldBe(["Urgent open", "Urgent working"]);
        (await TitlesAsync(admin, "priority=High,Urgent&sort=title")).ShouldBe(["High one", "Urgent open", "Urgent working"]);
        (await TitlesAsync(admin, "priority=Urgent&status=Open")).ShouldBe(["Urgent open"]);
    }

    [Fact]
    public async Task An_unknown_priority_is_a_validation_error()
    {
        var admin = await app.SignUpAsync();

        var response = await admin.Client.GetResponseAsync("/api/psa/tickets?priority=Critical");

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["priority"]);
    }

    [Fact]
    public async Task Client_and_assignee_filters_narrow_the_list()
    {
        var admin = await app.SignUpAsync();
        var technician = await admin.AddMemberAsync("Technician");
        var contoso = await admin.CreateClientAsync("Contoso");
        var fabrikam = await admin.CreateClientAsync("Fabrikam");
        await TicketAsync(admin, contoso.Id, "Contoso mine", TicketPriority.Normal, technician.UserId);
        await TicketAsync(admin, contoso.Id, "Contoso nobody", TicketPriority.Normal);
        await TicketAsync(admin, fabrikam.Id, "Fabrikam mine", TicketPriority.Normal, technician.UserId);

        (await TitlesAsync(admin, $"clientId={contoso.Id}&sort=title")).ShouldBe(["Contoso mine", "Contoso nobody"]);
        (await TitlesAsync(admin, $"assigneeId={technician.UserId}&sort=title")).ShouldBe(["Contoso mine", "Fabrikam mine"]);
        (await TitlesAsync(admin, $"clientId={fabrikam.Id}&assigneeId={technician.UserId}")).ShouldBe(["Fabrikam mine"]);
        (await ListAsync(admin, $"clientId={Guid.NewGuid()}")).TotalCount.ShouldBe(0);
    }

    [Theory]
    [InlineData("T-000007")]
    [InlineData("t-000007")]
    [InlineData("7")]
    [InlineData("007")]
    [InlineData("t7")]
    [InlineData("T-7")]
    public async Task Text_finds_a_ticket_by_its_number_in_any_usual_spelling(string text)
    {
        var admin = await app.SignUpAsync();
        var client = await admin.CreateClientAsync();
        for (var i = 1; i <= 8; i++)
        {
            await admin.CreateTicketAsync(client.Id, $"Ticket number {(i == 7 ? "seven" : i.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
        }

        var page = await ListAsync(admin, $"text={Uri.EscapeDataString(text)}");

        page.Items.ShouldHaveSingleItem().Number.ShouldBe("T-000007");
    }

    [Fact]
    public async Task Text_matches_part_of_the_title_whatever_its_case()
    {
        var admin = await app.SignUpAsync();
        var client = await admin.CreateClientAsync();
        await admin.CreateTicketAsync(client.Id, "VPN drops every hour");
        await admin.CreateTicketAsync(client.Id, "New starter laptop");
        await admin.CreateTicketAsync(client.Id, "Reset vpn token");

        (await TitlesAsync(admin, "text=VpN&sort=title")).ShouldBe(["Reset vpn token", "VPN drops every hour"]);
        (await TitlesAsync(admin, "text=nothing-like-it")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("%", "100% CPU")]
    [InlineData("_", "snake_case share")]
    [InlineData("[a", "Odd [a] title")]
    public async Task Text_treats_wildcard_characters_literally(string text, string expected)
    {
        var admin = await app.SignUpAsync();
        var client = await admin.CreateClientAsync();
        foreach (var title in new[] { "100% CPU", "snake_case share", "Odd [a] title", "Plain title" })
        {
            await admin.CreateTicketAsync(client.Id, title);
        }

        (await TitlesAsync(admin, $"text={Uri.EscapeDataString(text)}")).ShouldBe([expected]);
    }

    [Fact]
    public async Task The_default_order_is_newest_number_first()
    {
        var admin = await app.SignUpAsync();
        var client = await admin.CreateClientAsync();
        foreach (var title in new[] { "First", "Second", "Third" })
        {
            await admin.CreateTicketAsync(client.Id, title);
        }

        var page = await ListAsync(admin, string.Empty);

        page.Items.Select(t => t.Number).ShouldBe(["T-000003", "T-000002", "T-000001"]);
    }

    [Theory]
    [InlineData("number", new[] { "Bravo", "Alpha", "Delta", "Charlie" })]
    [InlineData("number desc", new[] { "Charlie", "Delta", "Alpha", "Bravo" })]
    [InlineData("title", new[] { "Alpha", "Bravo", "Charlie", "Delta" })]
    [InlineData("priority", new[] { "Delta", "Bravo", "Alpha", "Charlie" })]
    [InlineData("priority desc", new[] { "Charlie", "Alpha", "Bravo", "Delta" })]
    [InlineData("status", new[] { "Bravo", "Delta", "Alpha", "Charlie" })]
    [InlineData("status desc", new[] { "Charlie", "Alpha", "Delta", "Bravo" })]
    [InlineData("creationTime", new[] { "Bravo", "Alpha", "Delta", "Charlie" })]
    [InlineData("lastModificationTime desc,number", new[] { "Charlie", "Alpha", "Delta", "Bravo" })]
    public async Task Tickets_sort_by_each_declared_field(string sort, string[] expected)
    {
        var admin = await app.SignUpAsync();
        var client = await admin.CreateClientAsync();
        var tickets = new List<TicketDetailDto>();
        foreach (var (title, priority) in new[] { ("Bravo", TicketPriority.Normal), ("Alpha", TicketPriority.High), ("Delta", TicketPriority.Low), ("Charlie", TicketPriority.Urgent) })
        {
            tickets.Add(await TicketAsync(admin, client.Id, title, priority));
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var (bravo, alpha, delta, charlie) = (tickets[0], tickets[1], tickets[2], tickets[3]);
        await (await admin.Client.PutJsonAsync($"/api/psa/tickets/{bravo.Id}",
            new UpdateTicketRequest(client.Id, "Bravo", "Edited first", null, null, bravo.ConcurrencyStamp))).ShouldHaveStatusAsync(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await admin.MoveTicketAsync(delta.Id, TicketStatus.InProgress);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await admin.MoveTicketAsync(alpha.Id, TicketStatus.Escalated);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await admin.MoveTicketAsync(charlie.Id, TicketStatus.Resolved);

        var titles = await TitlesAsync(admin, $"sort={Uri.EscapeDataString(sort)}");

        titles.ShouldBe(expected);
    }

    [Theory]
    [InlineData("sort=assignee")]
    [InlineData("sort=number%20up")]
    [InlineData("take=0")]
    public async Task A_bad_sort_or_page_is_a_validation_error(string query)
    {
        var admin = await app.SignUpAsync();

        var response = await admin.Client.GetResponseAsync($"/api/psa/tickets?{query}");

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code.ShouldBe("Validation");
    }
}
