using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Regentra.Billing.Contracts;
using Regentra.Billing.Contracts.Agreements;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Data;
using Regentra.Billing.Invoices.Calculation;
using Regentra.Framework.Errors;
using Regentra.Framework.Money;
using Regentra.Psa.Contracts.Billing;
using Regentra.Saas.Contracts.Settings;

namespace Regentra.Billing.Invoices;

/// <summary>What an invoice for a client and period would be, and everything worth warning about. Writes nothing.</summary>
internal sealed record InvoicePlan(
    ClientInfo Client,
    DateOnly From,
    DateOnly To,
    string Currency,
    decimal TaxRatePercent,
    InvoiceCalculation Calculation,
    IReadOnlyList<InvoiceWarningDto> Warnings,
    IReadOnlyList<(Guid Id, string? Number, InvoiceStatus Status)> Overlapping,
    InvoiceBlocker? BlockingProblem,
    IReadOnlyList<EntryVersion> Locks)
{
    /// <summary>The invoice's claim on its entries, each at the version the plan read.</summary>
    public TimeToInvoice TimeFor(Guid invoiceId) => new(new InvoicedTime(invoiceId, Client.Id, From, To), Locks);

    /// <summary>Nothing stands in the way of generating it as planned: a batch of such plans is expected to succeed whole.</summary>
    public bool IsClean => Client.IsActive && Overlapping.Count == 0 && BlockingProblem is null && Calculation.Lines.Count > 0;
}

/// <summary>Why the invoice cannot be generated as planned: the error code generation answers with, and the sentence shown.</summary>
internal sealed record InvoiceBlocker(string Code, string WarningCode, string Message);

internal sealed class InvoicePlanner(
    IBillingDbContext db, IClientDirectory clients, IBillableTimeSource time, ITenantSettingsProvider settings)
{
    public async Task<InvoicePlan> PlanAsync(Guid clientId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var plans = await PlanManyAsync([clientId], from, to, cancellationToken);
        return plans.GetValueOrDefault(clientId) ?? throw ValidationException.For("clientId", "No such client.");
    }

    /// <summary>
    /// Plans the invoices of many clients for one period from a fixed number of queries, whatever the number of
    /// clients (the month-end run). Unknown clients are absent from the result.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, InvoicePlan>> PlanManyAsync(IReadOnlyCollection<Guid> clientIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var known = await clients.GetManyAsync(clientIds, cancellationToken);
        if (known.Count == 0)
        {
            return new Dictionary<Guid, InvoicePlan>();
        }

        var ids = known.Select(c => c.Id).ToList();
        var tenant = await settings.GetAsync(cancellationToken);
        var agreementRows = await db.Agreements.AsNoTracking()
            .Where(a => ids.Contains(a.ClientId) && a.EffectiveFrom < to && (a.EffectiveTo == null || a.EffectiveTo > from))
            .OrderBy(a => a.EffectiveFrom).ToListAsync(cancellationToken);
        var agreements = agreementRows.ToLookup(a => a.ClientId, a => a.ToTerms());
        var agreementCurrencies = agreementRows.ToLookup(a => a.ClientId, a => a.Currency);
        var entries = await time.GetBillableEntriesAsync(ids, from, to, cancellationToken);
        var unbillable = await time.SummarizeUnbillableAsync(ids, from, to, cancellationToken);
        var overlapping = (await db.Invoices.AsNoTracking()
                .Where(i => ids.Contains(i.ClientId) && i.Status != InvoiceStatus.Void && i.PeriodStart < to && i.PeriodEnd > from)
                .Select(i => new { i.ClientId, i.Id, i.Number, i.Status }).ToListAsync(cancellationToken))
            .ToLookup(i => i.ClientId, i => (i.Id, i.Number, i.Status));
        var rolledIn = await RolledInHoursAsync(ids, from, to, cancellationToken);

        return known.ToDictionary(c => c.Id, c => Plan(c, tenant, from, to, agreements[c.Id].ToList(),
            entries.GetValueOrDefault(c.Id) ?? [], unbillable.GetValueOrDefault(c.Id) ?? new UnbillableTimeSummary(0, 0, 0, 0),
            overlapping[c.Id].ToList(), rolledIn.GetValueOrDefault(c.Id), agreementCurrencies[c.Id].FirstOrDefault(x => x != c.Currency)));
    }

    /// <param name="foreignAgreementCurrency">The currency of an agreement that differs from the client's (its currency changed since).</param>
    private static InvoicePlan Plan(
        ClientInfo client, TenantSettingsDto tenant, DateOnly from, DateOnly to, List<AgreementTerms> terms, IReadOnlyList<BillableTimeEntry> entries,
        UnbillableTimeSummary unbillable, List<(Guid Id, string? Number, InvoiceStatus Status)> overlapping, decimal rolledIn,
        string? foreignAgreementCurrency)
    {
        // The organisation's default rate is in its own currency: it cannot price a client billed in another one.
        var defaultRate = client.Currency == tenant.Currency ? tenant.DefaultHourlyRate : (decimal?)null;
        var canRollIn = from.Day == 1 && to == from.AddMonths(1) && terms.Any(t => t is { Type: AgreementType.BlockHours, Rollover: true });
        var input = new CalculationInput(from, to, client.Currency, tenant.TaxRatePercent, defaultRate, terms,
            entries.Select(e => new EntryToBill(e.Id, e.WorkDate, e.TechnicianName, e.TicketNumber, e.Description, e.DurationMinutes)).ToList(),
            canRollIn ? rolledIn : 0m);
        var calculation = InvoiceCalculator.Calculate(input);

        var uncovered = entries.Count(e => !terms.Any(t => t.Covers(e.WorkDate)));
        var blocking = foreignAgreementCurrency is not null
            ? new InvoiceBlocker(BillingErrorCodes.AgreementCurrencyMismatch, "AgreementCurrencyMismatch",
                $"{client.Name}'s agreement is priced in {foreignAgreementCurrency} but the client is now billed in {client.Currency}. Set a new agreement in {client.Currency}.")
            : defaultRate is null && uncovered > 0
            ? new InvoiceBlocker(BillingErrorCodes.NoRateForCurrency, "NoRateForCurrency",
                $"{uncovered} entries fall on days without an agreement, and the organisation's default rate is in {tenant.Currency} while {client.Name} is billed in {client.Currency}. Set an agreement for the client.")
            : null;
        var warnings = Warnings(client, calculation, unbillable, overlapping, terms.Count == 0, tenant.DefaultHourlyRate, tenant.Currency, blocking);
        var versions = entries.ToDictionary(e => e.Id, e => e.Version);
        var locks = calculation.LockedEntryIds.Select(id => new EntryVersion(id, versions[id])).ToList();
        return new InvoicePlan(client, from, to, client.Currency, tenant.TaxRatePercent, calculation, warnings, overlapping, blocking, locks);
    }

    // Unused block hours of the previous month carry into this one: the previous whole month's invoice says how many.
    private async Task<Dictionary<Guid, decimal>> RolledInHoursAsync(List<Guid> clientIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        if (from.Day != 1 || to != from.AddMonths(1))
        {
            return [];
        }

        var previousStart = from.AddMonths(-1);
        return await db.Invoices.AsNoTracking()
            .Where(i => clientIds.Contains(i.ClientId) && i.Status != InvoiceStatus.Void && i.PeriodStart == previousStart && i.PeriodEnd == from
                && i.BlockCarriedOutHours != null)
            .ToDictionaryAsync(i => i.ClientId, i => i.BlockCarriedOutHours!.Value, cancellationToken);
    }

    private static List<InvoiceWarningDto> Warnings(
        ClientInfo client, InvoiceCalculation calculation, UnbillableTimeSummary unbillable, List<(Guid Id, string? Number, InvoiceStatus Status)> overlapping,
        bool noAgreement, decimal defaultRate, string tenantCurrency, InvoiceBlocker? blocking)
    {
        var warnings = new List<InvoiceWarningDto>();
        if (blocking is not null)
        {
            warnings.Add(new InvoiceWarningDto(blocking.WarningCode, blocking.Message));
        }

        if (overlapping.Count > 0)
        {
            var which = string.Join(", ", overlapping.Select(o => o.Number ?? $"a draft ({o.Status})"));
            warnings.Add(new InvoiceWarningDto("AlreadyInvoiced",
                $"This period overlaps {which}. Void it first to invoice the period again.", overlapping.Count));
        }

        if (unbillable.NotApprovedCount > 0)
        {
            warnings.Add(new InvoiceWarningDto("NotApproved",
                $"{unbillable.NotApprovedCount} billable entries ({Hours(unbillable.NotApprovedMinutes)} h) in the period are not approved (Draft, Submitted or Rejected) and are not on this invoice.",
                unbillable.NotApprovedCount, Hours(unbillable.NotApprovedMinutes)));
        }

        if (unbillable.NonBillableCount > 0)
        {
            warnings.Add(new InvoiceWarningDto("NonBillable",
                $"{unbillable.NonBillableCount} entries ({Hours(unbillable.NonBillableMinutes)} h) are marked non-billable and are not charged.",
                unbillable.NonBillableCount, Hours(unbillable.NonBillableMinutes)));
        }

        // When the default rate cannot apply (another currency), NoRateForCurrency says why the time is not priced.
        if (blocking is null && (calculation.DefaultRateEntries > 0 || noAgreement))
        {
            var rate = defaultRate.ToString("0.00##", CultureInfo.InvariantCulture);
            warnings.Add(new InvoiceWarningDto("NoAgreement", calculation.DefaultRateEntries > 0
                    ? $"No agreement covers {calculation.DefaultRateEntries} entries ({Hours(calculation.DefaultRateMinutes)} h); they are billed at the organisation's default rate of {rate} {tenantCurrency} an hour."
                    : $"{client.Name} has no agreement for this period; time bills at the organisation's default rate of {rate} {tenantCurrency} an hour.",
                calculation.DefaultRateEntries, Hours(calculation.DefaultRateMinutes)));
        }

        if (calculation.CoveredMinutes > 0)
        {
            warnings.Add(new InvoiceWarningDto("CoveredByFee",
                $"{Hours(calculation.CoveredMinutes)} h of time are covered by the monthly fee: tracked, locked to this invoice, not charged line by line.",
                null, Hours(calculation.CoveredMinutes)));
        }

        if (string.IsNullOrWhiteSpace(client.BillingEmail))
        {
            warnings.Add(new InvoiceWarningDto("NoBillingEmail", $"{client.Name} has no billing email; add one before sending."));
        }

        if (calculation.TotalMinor == 0 && blocking is null)
        {
            warnings.Add(new InvoiceWarningDto("ZeroTotal", ZeroTotalExplanation(calculation, unbillable)));
        }

        return warnings;
    }

    /// <summary>Says why a total is zero in the words of the seed product page: not approved, not billable, or covered by a fee.</summary>
    public static string ZeroTotalExplanation(InvoiceCalculation calculation, UnbillableTimeSummary unbillable)
    {
        var reasons = new List<string>();
        var charged = calculation.Lines.Count(l => l.Kind is InvoiceLineKind.Time or InvoiceLineKind.Overage);
        if (charged == 0 && calculation.CoveredMinutes == 0)
        {
            reasons.Add("there is no approved billable time in the period");
        }

        if (unbillable.NotApprovedCount > 0)
        {
            reasons.Add($"{unbillable.NotApprovedCount} billable entries are not approved yet");
        }

        if (unbillable.NonBillableCount > 0)
        {
            reasons.Add($"{unbillable.NonBillableCount} entries are marked non-billable");
        }

        if (calculation.CoveredMinutes > 0)
        {
            reasons.Add("the time is covered by a fixed monthly fee");
        }

        if (calculation.Lines.Any(l => l.AmountMinor == 0 && l.UnitPrice == 0))
        {
            reasons.Add("a rate or fee is 0");
        }

        return $"The total is 0 because {string.Join("; ", reasons)}.";
    }

    private static decimal Hours(int minutes) => decimal.Round(minutes / 60m, 2, MidpointRounding.AwayFromZero);
}
