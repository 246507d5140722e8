using Regentra.Billing.Contracts.Invoices;
using static Regentra.TestBase.BillingApi;
using static Regentra.TestBase.PsaApi;

namespace Regentra.Billing.Tests;

/// <summary>GET /api/billing/invoices: filters (status, client, period, overdue), sorting and paging.</summary>
public sealed class InvoiceListTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private static readonly DateOnly Jan1 = new(2026, 1, 1);

    /// <summary>Created a minute apart, in this order.</summary>
    private sealed record Book(TenantSession Admin, Guid Alpha, Guid AlphaFeb, Guid Bravo, Guid CharlieJan, Guid DeltaFeb, Guid AlphaMar);

    /// <summary>
    /// Alpha Feb: INV-1, Sent, 120 · Bravo Feb: Draft, 240 · Charlie Jan: INV-2, Paid, 60 · Delta Feb: INV-3, Void, 144 · Alpha 1–8 Mar: Draft, 180.
    /// </summary>
    private async Task<Book> ArrangeAsync()
    {
        var (admin, _) = await app.SignUpBillingAsync();
        var alpha = await admin.CreateBillingClientAsync("Alpha");
        var bravo = await admin.CreateBillingClientAsync("Bravo");
        var charlie = await admin.CreateBillingClientAsync("Charlie");
        var delta = await admin.CreateBillingClientAsync("Delta");
        await admin.LogApprovedAsync(admin,
            ClientTime(alpha.Id, 60, Feb(2)), ClientTime(bravo.Id, 120, Feb(3)), ClientTime(charlie.Id, 30, new DateOnly(2026, 1, 20)),
            ClientTime(delta.Id, 72, Feb(4)), ClientTime(alpha.Id, 90, Mar1));

        async Task<Guid> NextAsync(Func<Task<Guid>> create)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            return await create();
        }

        var alphaFeb = await NextAsync(async () => (await admin.SendOkAsync((await admin.GenerateOkAsync(alpha.Id)).Id)).Invoice.Id);
        var bravoFeb = await NextAsync(async () => (await admin.GenerateOkAsync(bravo.Id)).Id);
        var charlieJan = await NextAsync(async () => (await admin.SendOkAsync((await admin.GenerateOkAsync(charlie.Id, Jan1, Feb1)).Id)).Invoice.Id);
        await (await admin.PayAsync(charlieJan, 60m)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var deltaFeb = await NextAsync(async () => (await admin.SendOkAsync((await admin.GenerateOkAsync(delta.Id)).Id)).Invoice.Id);
        await (await admin.VoidAsync(deltaFeb)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var alphaMar = await NextAsync(async () => (await admin.GenerateOkAsync(alpha.Id, Mar1, new DateOnly(2026, 3, 8))).Id);
        return new Book(admin, alpha.Id, alphaFeb, bravoFeb, charlieJan, deltaFeb, alphaMar);
    }

    private static async Task<IReadOnlyList<Guid>> IdsAsync(Book book, string query) =>
        (await book.Admin.ListInvoicesAsync(query)).Items.Select(i => i.Id).ToList();

    [Fact]
    public async Task The_default_order_is_newest_first_with_the_list_fields()
    {
        var book = await ArrangeAsync();

        var page = await book.Admin.ListInvoicesAsync();

        page.Items.Select(i => i.Id).ShouldBe([book.AlphaMar, book.DeltaFeb, book.CharlieJan, book.Bravo, book.AlphaFeb]);
        page.TotalCount.ShouldBe(5);
        var alphaFeb = page.Items[^1];
        (alphaFeb.Number, alphaFeb.ClientName, alphaFeb.Status, alphaFeb.PeriodStart, alphaFeb.PeriodEnd).ShouldBe(("INV-2026-00001", "Alpha", InvoiceStatus.Sent, Feb1, Mar1));
        (alphaFeb.Currency, alphaFeb.Subtotal, alphaFeb.Tax, alphaFeb.Total, alphaFeb.Paid, alphaFeb.Balance).ShouldBe(("USD", 100m, 20m, 120m, 0m, 120m));
        (alphaFeb.IssueDate, alphaFeb.DueDate).ShouldBe((new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 16)));
    }

    [Fact]
    public async Task Status_filters_take_one_or_several_statuses()
    {
        var book = await ArrangeAsync();

        (await IdsAsync(book, "status=Sent")).ShouldBe([book.AlphaFeb]);
        (await IdsAsync(book, "status=draft,Paid")).ShouldBe([book.AlphaMar, book.CharlieJan, book.Bravo]);
        (await IdsAsync(book, "status=Void")).ShouldBe([book.DeltaFeb]);
        (await IdsAsync(book, "status=Overdue")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Client_period_and_overdue_filters_narrow_the_list()
    {
        var book = await ArrangeAsync();

        (await IdsAsync(book, $"clientId={book.Alpha}")).ShouldBe([book.AlphaMar, book.AlphaFeb]);
        (await IdsAsync(book, "from=2026-03-01")).ShouldBe([book.AlphaMar]);
        (await IdsAsync(book, "to=2026-02-01")).ShouldBe([book.CharlieJan]);
        (await IdsAsync(book, "from=2026-02-28&to=2026-03-01")).ShouldBe([book.DeltaFeb, book.Bravo, book.AlphaFeb]);
        (await IdsAsync(book, $"clientId={book.Alpha}&status=Sent")).ShouldBe([book.AlphaFeb]);
        (await IdsAsync(book, "overdue=true")).ShouldBeEmpty();
        (await book.Admin.ListInvoicesAsync("overdue=false")).TotalCount.ShouldBe(5);
        (await IdsAsync(book, $"clientId={Guid.NewGuid()}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Each_sortable_field_orders_the_list_with_empty_values_last()
    {
        var book = await ArrangeAsync();

        (await IdsAsync(book, "sort=number")).ShouldBe([book.AlphaFeb, book.CharlieJan, book.DeltaFeb, book.Bravo, book.AlphaMar]);
        (await IdsAsync(book, "sort=number desc")).ShouldBe([book.DeltaFeb, book.CharlieJan, book.AlphaFeb, book.Bravo, book.AlphaMar]);
        (await IdsAsync(book, "sort=total desc")).ShouldBe([book.Bravo, book.AlphaMar, book.DeltaFeb, book.AlphaFeb, book.CharlieJan]);
        (await IdsAsync(book, "sort=clientName,creationTime")).ShouldBe([book.AlphaFeb, book.AlphaMar, book.Bravo, book.CharlieJan, book.DeltaFeb]);
        (await IdsAsync(book, "sort=creationTime")).ShouldBe([book.AlphaFeb, book.Bravo, book.CharlieJan, book.DeltaFeb, book.AlphaMar]);
        (await IdsAsync(book, "sort=dueDate,number")).Take(3).ShouldBe([book.AlphaFeb, book.CharlieJan, book.DeltaFeb]);
        (await IdsAsync(book, "sort=issueDate desc,number")).Skip(3).ShouldBe([book.Bravo, book.AlphaMar]);
    }

    [Fact]
    public async Task Pages_follow_the_sort_and_count_every_match()
    {
        var book = await ArrangeAsync();

        var second = await book.Admin.ListInvoicesAsync("sort=number&skip=2&take=2");
        var last = await book.Admin.ListInvoicesAsync("sort=number&skip=4&take=2");

        second.Items.Select(i => i.Id).ShouldBe([book.DeltaFeb, book.Bravo]);
        last.Items.Select(i => i.Id).ShouldBe([book.AlphaMar]);
        (second.TotalCount, last.TotalCount).ShouldBe((5, 5));
    }

    [Fact]
    public async Task Unknown_statuses_sorts_and_page_sizes_are_invalid()
    {
        var book = await ArrangeAsync();

        foreach (var (query, field) in new[] { ("status=Sent,Lost", "status"), ("sort=balance", "sort"), ("sort=number sideways", "sort"), ("take=0", "take"), ("take=1001", "take"), ("skip=-1", "skip") })
        {
            var response = await book.Admin.Client.GetResponseAsync($"/api/billing/invoices?{query}");
            (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe([field]);
        }
    }
}
