using Regentra.Framework.Errors;
using Regentra.Psa.Contracts.Billing;
using Regentra.Psa.Contracts.TimeEntries;

namespace Regentra.Psa.Tests;

/// <summary>Billing's window onto PSA time (IBillableTimeSource): what can be billed, what cannot and why, and the invoice lock.</summary>
public sealed class BillableTimeSourceTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private static readonly DateOnly February = new(2026, 2, 1);
    private static readonly DateOnly March = new(2026, 3, 1);

    /// <summary>A client's February (and its edges), logged by Tom and reviewed by a manager; entries by name.</summary>
    private sealed record Month(TenantSession Admin, TenantSession Manager, TenantSession Tom, Guid ClientId, Guid OtherClientId, string TicketNumber, Dictionary<string, TimeEntryDto> Entries)
    {
        public Guid this[string name] => Entries[name].Id;
    }

    [Fact]
    public async Task Billable_entries_are_the_approved_billable_uninvoiced_time_of_the_client_in_the_period()
    {
        var m = await ArrangeAsync();

        var billable = await app.BillableTimeAsync(m.Admin.TenantId, s => s.GetBillableEntriesAsync(m.ClientId, February, March));

        // Created, Submitted, Approved: the version is the number of steps in the entry's history.
        (await m.Tom.HistoryAsync(m["ticket"])).Count.ShouldBe(3);
        billable.ShouldBe(
        [
            new BillableTimeEntry(m["first day"], February, m.Tom.UserId, "Tom Technician", null, null, "Site visit", 15, 3),
            new BillableTimeEntry(m["ticket"], new DateOnly(2026, 2, 10), m.Tom.UserId, "Tom Technician", m.Entries["ticket"].TicketId, m.TicketNumber, "Worked on it", 60, 3),
            new BillableTimeEntry(m["client"], new DateOnly(2026, 2, 20), m.Tom.UserId, "Tom Technician", null, null, "Site visit", 30, 3),
        ]);
    }

    [Fact]
    public async Task The_unbillable_summary_counts_unapproved_billable_time_and_non_billable_time()
    {
        var m = await ArrangeAsync();

        var summary = await app.BillableTimeAsync(m.Admin.TenantId, s => s.SummarizeUnbillableAsync(m.ClientId, February, March));
        var otherClient = await app.BillableTimeAsync(m.Admin.TenantId, s => s.SummarizeUnbillableAsync(m.OtherClientId, February, March));

        summary.ShouldBe(new UnbillableTimeSummary(NotApprovedCount: 3, NotApprovedMinutes: 20 + 10 + 25, NonBillableCount: 2, NonBillableMinutes: 45 + 5));
        otherClient.ShouldBe(new UnbillableTimeSummary(0, 0, 0, 0));
    }

    [Fact]
    public async Task Invoiced_entries_are_locked_leave_the_billable_list_and_show_it_in_their_history()
    {
        var m = await ArrangeAsync();
        Guid[] ids = [m["ticket"], m["client"]];

        var invoiceId = await app.InvoiceAsync(m.Admin.TenantId, ids);

        var billable = await app.BillableTimeAsync(m.Admin.TenantId, s => s.GetBillableEntriesAsync(m.ClientId, February, March));
        billable.Select(e => e.Id).ShouldBe([m["first day"]]);
        foreach (var id in ids)
        {
            (await m.Tom.GetEntryAsync(id)).InvoiceId.ShouldBe(invoiceId);
            (await m.Tom.HistoryAsync(id))[^1].ShouldSatisfyAllConditions(
                h => h.Action.ShouldBe("Invoiced"), h => h.To.ShouldBe(TimeEntryStatus.Approved), h => h.ActorName.ShouldBe("Regentra (automatic)"));
        }

        (await (await m.Manager.ReopenAsync(ids[0])).ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe("Psa:TimeEntry.Invoiced");
    }

    public static TheoryData<string> SpoiledSincePreview => new(
        "reopened", "reopened, rejected and edited", "reopened, edited and approved again", "already invoiced", "a non-billable entry added", "an unknown id added",
        "another client's entry added", "an entry after the period added", "an entry before the period added");

    [Theory]
    [MemberData(nameof(SpoiledSincePreview))]
    public async Task Locking_refuses_when_any_entry_changed_since_the_preview_and_the_rollback_leaves_none_marked(string change)
    {
        var m = await ArrangeAsync();
        var read = await app.BillableTimeAsync(m.Admin.TenantId, s => s.GetBillableEntriesAsync(m.ClientId, February, March));
        var preview = read.Select(e => e.Id).ToList();
        var spoiled = await app.TimeToInvoiceOfAsync(Guid.NewGuid(), await SpoilAsync(m, preview[1], change));
        var steps = (await m.Tom.HistoryAsync(preview[0])).Count;
        var claim = new TimeToInvoice(new InvoicedTime(Guid.NewGuid(), m.ClientId, February, March),
            [.. read.Select(e => new EntryVersion(e.Id, e.Version)), .. spoiled.Entries]);

        var refused = await Should.ThrowAsync<BusinessException>(() => app.InBillingTransactionAsync(m.Admin.TenantId, s => s.MarkInvoicedAsync([claim])));

        (refused.Code, refused.StatusCode).ShouldBe(("Psa:TimeEntry.NotInvoiceable", 409));
        (await app.StoredInvoiceIdAsync(preview[0])).ShouldBeNull();
        (await app.StoredInvoiceIdAsync(preview[2])).ShouldBeNull();
        (await m.Tom.HistoryAsync(preview[0])).Count.ShouldBe(steps);
        (await app.BillableTimeAsync(m.Admin.TenantId, s => s.GetBillableEntriesAsync(m.ClientId, February, March))).Select(e => e.Id).ShouldContain(preview[0]);
    }

    [Fact]
    public async Task Locking_outside_a_transaction_is_refused()
    {
        var m = await ArrangeAsync();

        await Should.ThrowAsync<InvalidOperationException>(
            () => app.BillableTimeAsync(m.Admin.TenantId, async s =>
            {
                await s.MarkInvoicedAsync([new TimeToInvoice(new InvoicedTime(Guid.NewGuid(), m.ClientId, February, March), [new EntryVersion(m["client"], 3)])]);
                return 0;
            }));

        (await app.StoredInvoiceIdAsync(m["client"])).ShouldBeNull();
    }

    [Fact]
    public async Task Releasing_an_invoice_frees_its_entries_for_billing_and_review()
    {
        var m = await ArrangeAsync();
        var invoiceId = await app.InvoiceAsync(m.Admin.TenantId, [m["ticket"], m["client"]]);
        var otherInvoice = await app.InvoiceAsync(m.Admin.TenantId, [m["first day"]]);
        var released = 0;

        await app.InBillingTransactionAsync(m.Admin.TenantId, async s => released = await s.ReleaseAsync(new InvoicedTime(invoiceId, m.ClientId, February, March)));

        released.ShouldBe(2);
        (await m.Tom.GetEntryAsync(m["ticket"])).InvoiceId.ShouldBeNull();
        (await m.Tom.GetEntryAsync(m["first day"])).InvoiceId.ShouldBe(otherInvoice);
        (await m.Tom.HistoryAsync(m["client"])).TakeLast(2).Select(h => h.Action).ShouldBe(["Invoiced", "Released"]);
        (await app.BillableTimeAsync(m.Admin.TenantId, s => s.GetBillableEntriesAsync(m.ClientId, February, March)))
            .Select(e => e.Id).ShouldBe([m["ticket"], m["client"]]);
        (await (await m.Manager.ReopenAsync(m["client"])).ReadAsync<TimeEntryDto>()).Status.ShouldBe(TimeEntryStatus.Submitted);
    }

    [Fact]
    public async Task Another_tenants_time_is_never_returned_marked_or_released()
    {
        var m = await ArrangeAsync();
        var invoiceId = await app.InvoiceAsync(m.Admin.TenantId, [m["ticket"]]);
        var other = await app.SignUpAsync();

        var billable = await app.BillableTimeAsync(other.TenantId, s => s.GetBillableEntriesAsync(m.ClientId, February, March));
        var summary = await app.BillableTimeAsync(other.TenantId, s => s.SummarizeUnbillableAsync(m.ClientId, February, March));
        var marking = await Should.ThrowAsync<BusinessException>(() => app.InvoiceAsync(other.TenantId, [m["client"]]));
        var released = 0;
        await app.InBillingTransactionAsync(other.TenantId, async s => released = await s.ReleaseAsync(new InvoicedTime(invoiceId, m.ClientId, February, March)));

        billable.ShouldBeEmpty();
        summary.ShouldBe(new UnbillableTimeSummary(0, 0, 0, 0));
        marking.Code.ShouldBe("Psa:TimeEntry.NotInvoiceable");
        (await app.StoredInvoiceIdAsync(m["client"])).ShouldBeNull();
        released.ShouldBe(0);
        (await app.StoredInvoiceIdAsync(m["ticket"])).ShouldBe(invoiceId);
        (await m.Tom.HistoryAsync(m["ticket"]))[^1].Action.ShouldBe("Invoiced");
    }

    /// <summary>Changes the entry so it can no longer be invoiced; returns extra ids to put on the invoice.</summary>
    private async Task<Guid[]> SpoilAsync(Month m, Guid id, string change)
    {
        switch (change)
        {
            case "reopened":
                await (await m.Manager.ReopenAsync(id)).ShouldHaveStatusAsync(HttpStatusCode.OK);
                return [];
            case "reopened, rejected and edited":
                await (await m.Manager.ReopenAsync(id)).ShouldHaveStatusAsync(HttpStatusCode.OK);
                await (await m.Manager.RejectAsync("Split it", id)).ShouldHaveStatusAsync(HttpStatusCode.OK);
                var rejected = await m.Tom.GetEntryAsync(id);
                await (await m.Tom.PutEntryAsync(id, rejected.AsUpdate() with { DurationMinutes = 5 })).ShouldHaveStatusAsync(HttpStatusCode.OK);
                return [];
            case "reopened, edited and approved again":
                // Approved, billable and uninvoiced again, as the preview saw it: only the version tells the edit apart.
                await SpoilAsync(m, id, "reopened, rejected and edited");
                await (await m.Tom.ActAsync("submit", [id])).ShouldHaveStatusAsync(HttpStatusCode.OK);
                await (await m.Manager.ActAsync("approve", [id])).ShouldHaveStatusAsync(HttpStatusCode.OK);
                (await m.Tom.GetEntryAsync(id)).Status.ShouldBe(TimeEntryStatus.Approved);
                return [];
            case "already invoiced":
                await app.InvoiceAsync(m.Admin.TenantId, [id]);
                return [];
            case "a non-billable entry added":
                return [m["approved not billable"]];
            case "another client's entry added":
                return [m["other client"]];
            case "an entry after the period added":
                return [m["first day after"]];
            case "an entry before the period added":
                return [m["last day before"]];
            default:
                return [Guid.NewGuid()];
        }
    }

    private async Task<Month> ArrangeAsync()
    {
        var admin = await app.SignUpAsync();
        var manager = await admin.AddMemberAsync("Manager");
        var tom = await admin.AddMemberAsync("Technician", "Tom Technician");
        var client = await admin.CreateClientAsync();
        var otherClient = await admin.CreateClientAsync();
        var ticket = await admin.CreateTicketAsync(client.Id);
        var rows = new Dictionary<string, LogTimeEntryRequest>
        {
            ["ticket"] = PsaApi.TicketTime(ticket.Id, 60, new DateOnly(2026, 2, 10), submit: true),
            ["client"] = PsaApi.ClientTime(client.Id, 30, new DateOnly(2026, 2, 20), submit: true),
            ["first day"] = PsaApi.ClientTime(client.Id, 15, February, submit: true),
            ["approved not billable"] = PsaApi.ClientTime(client.Id, 45, new DateOnly(2026, 2, 11), submit: true, billable: false),
            ["submitted"] = PsaApi.ClientTime(client.Id, 20, new DateOnly(2026, 2, 12), submit: true),
            ["draft"] = PsaApi.ClientTime(client.Id, 10, new DateOnly(2026, 2, 13)),
            ["rejected"] = PsaApi.ClientTime(client.Id, 25, new DateOnly(2026, 2, 14), submit: true),
            ["draft not billable"] = PsaApi.ClientTime(client.Id, 5, new DateOnly(2026, 2, 15), billable: false),
            ["first day after"] = PsaApi.ClientTime(client.Id, 40, March, submit: true),
            ["last day before"] = PsaApi.ClientTime(client.Id, 35, new DateOnly(2026, 1, 31), submit: true),
            ["other client"] = PsaApi.ClientTime(otherClient.Id, 50, new DateOnly(2026, 2, 16), submit: true),
            ["invoiced"] = PsaApi.ClientTime(client.Id, 55, new DateOnly(2026, 2, 17), submit: true),
        };
        var logged = (await tom.LogManyAsync([.. rows.Values])).Entries;
        var entries = rows.Keys.Zip(logged).ToDictionary(x => x.First, x => x.Second);
        string[] approve = ["ticket", "client", "first day", "approved not billable", "first day after", "last day before", "other client", "invoiced"];
        await (await manager.ActAsync("approve", [.. approve.Select(n => entries[n].Id)])).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await manager.RejectAsync("Which site?", entries["rejected"].Id)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await app.InvoiceAsync(admin.TenantId, [entries["invoiced"].Id]);
        return new Month(admin, manager, tom, client.Id, otherClient.Id, ticket.Number, entries);
    }
}
