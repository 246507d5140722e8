using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Regentra.Billing.Contracts;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Data;
using Regentra.Framework.Errors;
using Regentra.Framework.Money;
using Regentra.Framework.Paging;
using Regentra.Framework.Validation;
using Regentra.Psa.Contracts.Billing;

namespace Regentra.Billing.Invoices;

/// <summary>/api/billing/invoices: preview → generate (draft) → edit draft lines → send → paid/void, plus lists and PDFs.</summary>
internal static class InvoiceEndpoints
{
    public const int MaxPeriodDays = 366;

    public static void Map(IEndpointRouteBuilder billing)
    {
        var invoices = billing.MapGroup("/invoices");
        invoices.MapPost("/preview", PreviewAsync).RequireAuthorization(BillingPermissions.Invoices.Generate).Validate<InvoiceRequest>()
            .WithSummary("What an invoice for the client and [from, to) would contain, with warnings. Writes nothing.");
        invoices.MapPost("", GenerateAsync).RequireAuthorization(BillingPermissions.Invoices.Generate).Validate<InvoiceRequest>()
            .WithSummary("Generates a draft invoice and locks its time entries. A client's period is invoiced once (409 unless the earlier invoice was voided).");
        invoices.MapPost("/batch", BatchAsync).RequireAuthorization(BillingPermissions.Invoices.Generate).Validate<BatchInvoiceRequest>()
            .WithSummary("Generates drafts for the given clients, or every client with an agreement or billable time in the period; one outcome per client.");
        invoices.MapGet("", ListAsync).RequireAuthorization(BillingPermissions.Invoices.Default)
            .WithSummary("Invoices. Filters: status (comma-separated), clientId, from/to (periods overlapping), overdue, flagged (has a payment that needs attention). Sort: creationTime (default, newest first), number, issueDate, dueDate, total, clientName.");
        invoices.MapGet("/totals", TotalsAsync).RequireAuthorization(BillingPermissions.Invoices.Default)
            .WithSummary("Totals of the invoices the same filters as the list select, per currency (count, total, paid, balance), so a list can show what all its pages add up to. Void invoices add to the count only; drafts are not due yet.");
        invoices.MapGet("/{id:guid}", GetAsync).RequireAuthorization(BillingPermissions.Invoices.Default);
        invoices.MapGet("/{id:guid}/pdf", PdfAsync).RequireAuthorization(BillingPermissions.Invoices.Default)
            .WithSummary("The invoice as PDF (sent invoices; drafts have no number yet).");
        invoices.MapPost("/{id:guid}/lines", AddLineAsync).RequireAuthorization(BillingPermissions.Invoices.Generate).Validate<AddInvoiceLineRequest>()
            .WithSummary("Adds a manual line to a draft (a negative unit price is a discount).");
        invoices.MapDelete("/{id:guid}/lines/{lineId:guid}", RemoveLineAsync).RequireAuthorization(BillingPermissions.Invoices.Generate);
        invoices.MapDelete("/{id:guid}", DeleteDraftAsync).RequireAuthorization(BillingPermissions.Invoices.Generate)
            .WithSummary("Deletes a draft and releases its time entries.");
        InvoiceLifecycleEndpoints.Map(invoices);
        Payments.PaymentEndpoints.Map(invoices);
    }

    private static async Task<Ok<InvoicePreviewDto>> PreviewAsync(InvoiceRequest request, InvoicePlanner planner, CancellationToken cancellationToken)
    {
        var plan = await planner.PlanAsync(request.ClientId!.Value, request.From!.Value, request.To!.Value, cancellationToken);
        var c = plan.Calculation;
        return TypedResults.Ok(new InvoicePreviewDto(plan.Client.Id, plan.Client.Name, plan.From, plan.To, plan.Currency,
            c.Lines.Select(l => InvoiceReader.ToDto(l, plan.Currency)).ToList(),
            MoneyMath.FromMinor(c.SubtotalMinor, plan.Currency), plan.TaxRatePercent, MoneyMath.FromMinor(c.TaxMinor, plan.Currency),
            MoneyMath.FromMinor(c.TotalMinor, plan.Currency), decimal.Round(c.CoveredMinutes / 60m, 2, MidpointRounding.AwayFromZero),
            InvoiceReader.Block(c.Block), plan.Warnings));
    }

    private static async Task<Created<InvoiceDetailDto>> GenerateAsync(
        InvoiceRequest request, InvoiceGenerator generator, IBillingDbContext db, InvoiceReader reader, CancellationToken cancellationToken)
    {
        var invoice = await generator.GenerateAsync(request.ClientId!.Value, request.From!.Value, request.To!.Value, null, cancellationToken);
        var saved = await InvoiceLoader.LoadAsync(db, invoice.Id, cancellationToken);
        return TypedResults.Created($"/api/billing/invoices/{invoice.Id}", reader.ToDetail(saved));
    }

    private static async Task<Ok<BatchInvoiceResponse>> BatchAsync(
        BatchInvoiceRequest request, InvoiceGenerator generator, IBillingDbContext db, IClientDirectory clients, IBillableTimeSource time,
        CancellationToken cancellationToken)
    {
        var (from, to) = (request.From!.Value, request.To!.Value);
        var ids = request.ClientIds?.ToList()
            ?? (await db.Agreements.Where(a => a.EffectiveFrom < to && (a.EffectiveTo == null || a.EffectiveTo > from)).Select(a => a.ClientId).ToListAsync(cancellationToken))
                .Concat(await time.GetClientsWithBillableTimeAsync(from, to, cancellationToken)).Distinct().ToList();
        var known = (await clients.GetManyAsync(ids, cancellationToken)).ToDictionary(c => c.Id);

        var outcomes = new List<BatchOutcomeDto>();
        foreach (var id in ids)
        {
            if (!known.TryGetValue(id, out var client))
            {
                outcomes.Add(new BatchOutcomeDto(id, string.Empty, "Failed", null, "No such client."));
                continue;
            }

            if (request.ClientIds is null && !client.IsActive)
            {
                continue; // "every client" means every active client; named inactive clients are still invoiced
            }

            try
            {
                var invoice = await generator.GenerateAsync(id, from, to, null, cancellationToken);
                outcomes.Add(new BatchOutcomeDto(id, client.Name, "Invoiced", invoice.Id, null));
            }
            catch (BusinessException e) when (e.Code is BillingErrorCodes.PeriodAlreadyInvoiced or BillingErrorCodes.EmptyInvoice)
            {
                outcomes.Add(new BatchOutcomeDto(id, client.Name, "Skipped", null, e.Message));
            }
            catch (BusinessException e)
            {
                outcomes.Add(new BatchOutcomeDto(id, client.Name, "Failed", null, e.Message));
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return TypedResults.Ok(new BatchInvoiceResponse(outcomes,
            outcomes.Count(o => o.Outcome == "Invoiced"), outcomes.Count(o => o.Outcome == "Skipped"), outcomes.Count(o => o.Outcome == "Failed")));
    }

    internal sealed class ListInvoicesQuery : PageRequest
    {
        public string? Status { get; init; }

        public Guid? ClientId { get; init; }

        public DateOnly? From { get; init; }

        public DateOnly? To { get; init; }

        public bool? Overdue { get; init; }

        /// <summary>true: only invoices with a payment that needs attention; false: only those without.</summary>
        public bool? Flagged { get; init; }
    }

    private static async Task<Ok<PagedResult<InvoiceDto>>> ListAsync([AsParameters] ListInvoicesQuery query, IBillingDbContext db, CancellationToken cancellationToken)
    {
        var invoices = Filtered(db, query);
        var sorts = new SortMap<Invoice>("creationTime desc", i => i.Id)
            .Add("creationTime", i => i.CreationTime).Add("number", i => i.Number).Add("issueDate", i => i.IssueDate)
            .Add("dueDate", i => i.DueDate).Add("total", i => i.TotalMinor).Add("clientName", i => i.ClientName);
        var page = await invoices.ToPagedResultAsync(query, sorts, i => i, cancellationToken);
        return TypedResults.Ok(new PagedResult<InvoiceDto>(page.Items.Select(InvoiceReader.ToDto).ToList(), page.TotalCount));
    }

    private static async Task<Ok<IReadOnlyList<InvoiceTotalsDto>>> TotalsAsync([AsParameters] ListInvoicesQuery query, IBillingDbContext db, CancellationToken cancellationToken)
    {
        // A void invoice is owed by nobody and a draft not yet: they are counted, but add nothing to what is invoiced or due.
        var sums = await Filtered(db, query).GroupBy(i => i.Currency)
            .Select(g => new
            {
                Currency = g.Key,
                Count = g.Count(),
                Total = g.Sum(i => i.Status == InvoiceStatus.Void ? 0 : i.TotalMinor),
                Paid = g.Sum(i => i.PaidMinor),
                Balance = g.Sum(i => i.Status == InvoiceStatus.Void || i.Status == InvoiceStatus.Draft ? 0 : i.TotalMinor - i.PaidMinor),
            })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<InvoiceTotalsDto>>(sums.OrderBy(s => s.Currency, StringComparer.Ordinal)
            .Select(s => new InvoiceTotalsDto(s.Currency, s.Count, MoneyMath.FromMinor(s.Total, s.Currency), MoneyMath.FromMinor(s.Paid, s.Currency),
                MoneyMath.FromMinor(s.Balance, s.Currency)))
            .ToList());
    }

    /// <summary>The list's filters, shared by the list and its totals so the two always agree.</summary>
    private static IQueryable<Invoice> Filtered(IBillingDbContext db, ListInvoicesQuery query)
    {
        var errors = new ValidationErrors();
        var statuses = EnumFilters.Parse<InvoiceStatus>(query.Status, errors, "status");
        errors.ThrowIfAny();
        var invoices = db.Invoices.AsNoTracking();
        invoices = statuses.Count > 0 ? invoices.Where(i => statuses.Contains(i.Status)) : invoices;
        invoices = query.ClientId is { } client ? invoices.Where(i => i.ClientId == client) : invoices;
        invoices = query.From is { } from ? invoices.Where(i => i.PeriodEnd > from) : invoices;
        invoices = query.To is { } to ? invoices.Where(i => i.PeriodStart < to) : invoices;
        invoices = query.Overdue is { } overdue ? invoices.Where(i => (i.Status == InvoiceStatus.Overdue) == overdue) : invoices;
        return query.Flagged is { } flagged ? invoices.Where(i => (i.FlaggedPayments > 0) == flagged) : invoices;
    }

    private static async Task<Ok<InvoiceDetailDto>> GetAsync(Guid id, IBillingDbContext db, InvoiceReader reader, CancellationToken cancellationToken) =>
        TypedResults.Ok(reader.ToDetail(await InvoiceLoader.LoadAsync(db, id, cancellationToken)));

    private static async Task<FileContentHttpResult> PdfAsync(
        Guid id, IBillingDbContext db, InvoiceDocuments documents, Pdf.IInvoicePdfRenderer renderer, CancellationToken cancellationToken)
    {
        var invoice = await InvoiceLoader.LoadAsync(db, id, cancellationToken);
        if (invoice.Number is null)
        {
            throw new BusinessException(BillingErrorCodes.NotDraft, "A draft has no PDF yet: it gets its number when it is sent. Preview it instead.");
        }

        var pdf = renderer.Render(await documents.BuildAsync(invoice, cancellationToken));
        return TypedResults.File(pdf, "application/pdf", $"{invoice.Number}.pdf");
    }

    private static async Task<Ok<InvoiceDetailDto>> AddLineAsync(
        Guid id, AddInvoiceLineRequest request, IBillingDbContext db, InvoiceReader reader, CancellationToken cancellationToken)
    {
        var invoice = await InvoiceLoader.LoadAsync(db, id, cancellationToken);
        var (quantity, price) = (request.Quantity!.Value, request.UnitPrice!.Value);
        invoice.AddManualLine(request.Description!.Trim(), quantity, price, MoneyMath.ToMinor(quantity * price, invoice.Currency));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(reader.ToDetail(invoice));
    }

    private static async Task<Ok<InvoiceDetailDto>> RemoveLineAsync(
        Guid id, Guid lineId, IBillingDbContext db, InvoiceReader reader, CancellationToken cancellationToken)
    {
        var invoice = await InvoiceLoader.LoadAsync(db, id, cancellationToken);
        invoice.RemoveManualLine(lineId);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(reader.ToDetail(invoice));
    }

    private static async Task<NoContent> DeleteDraftAsync(Guid id, IBillingDbContext db, IBillableTimeSource time, CancellationToken cancellationToken)
    {
        var invoice = await InvoiceLoader.LoadAsync(db, id, cancellationToken);
        invoice.EnsureDraft("delete");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await time.ReleaseAsync(new InvoicedTime(invoice.Id, invoice.ClientId, invoice.PeriodStart, invoice.PeriodEnd), cancellationToken);
        db.Invoices.Remove(invoice);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}

internal sealed class InvoiceRequestValidator : IValidator<InvoiceRequest>
{
    public void Validate(InvoiceRequest r, ValidationErrors errors)
    {
        if (r.ClientId is null)
        {
            errors.Add("clientId", "This field is required.");
        }

        PeriodRules.Check(r.From, r.To, errors);
    }
}

internal sealed class BatchInvoiceValidator : IValidator<BatchInvoiceRequest>
{
    public void Validate(BatchInvoiceRequest r, ValidationErrors errors)
    {
        PeriodRules.Check(r.From, r.To, errors);
        if (r.ClientIds is { } ids && (ids.Count is 0 or > 1000 || ids.Distinct().Count() != ids.Count))
        {
            errors.Add("clientIds", "Send between 1 and 1000 distinct client ids, or leave it out for every client.");
        }
    }
}

internal sealed class AddInvoiceLineValidator : IValidator<AddInvoiceLineRequest>
{
    public void Validate(AddInvoiceLineRequest r, ValidationErrors errors)
    {
        errors.RequireText("description", r.Description, 4000);
        if (r.Quantity is not { } q || q <= 0 || q > 100_000 || decimal.Round(q, 4) != q)
        {
            errors.Add("quantity", "Must be more than 0 and at most 100,000, with at most 4 decimals.");
        }

        if (r.UnitPrice is not { } p || p < -10_000_000 || p > 10_000_000 || decimal.Round(p, 4) != p)
        {
            errors.Add("unitPrice", "Must be between -10,000,000 and 10,000,000 with at most 4 decimals (negative for a discount).");
        }
    }
}

internal static class PeriodRules
{
    public static void Check(DateOnly? from, DateOnly? to, ValidationErrors errors)
    {
        if (from is null)
        {
            errors.Add("from", "This field is required.");
        }

        if (to is null)
        {
            errors.Add("to", "This field is required.");
        }
        else if (from is { } f && (to <= f || to.Value.DayNumber - f.DayNumber > InvoiceEndpoints.MaxPeriodDays))
        {
            errors.Add("to", $"Must be after from and at most {InvoiceEndpoints.MaxPeriodDays} days later (the period is from ≤ day < to).");
        }
    }
}
