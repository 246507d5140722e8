using Regentra.Billing.Contracts;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Invoices.Calculation;
using Regentra.Billing.Invoices.Emails;
using Regentra.Framework.Data;
using Regentra.Framework.Errors;
using Regentra.Framework.MultiTenancy;

namespace Regentra.Billing.Invoices;

/// <summary>
/// An invoice for one client and a half-open period. Its lines are a snapshot taken at generation; amounts are
/// integer minor units, and Subtotal = Σ lines, Tax = round(Subtotal × rate), Total = Subtotal + Tax at all times.
/// </summary>
internal sealed class Invoice : AuditedAggregateRoot, IMultiTenant
{
    private readonly List<InvoiceLine> _lines = [];
    private readonly List<Payment> _payments = [];
    private readonly List<InvoiceEmail> _emails = [];

    private Invoice()
    {
    }

    public Invoice(InvoiceClient client, DateOnly periodStart, DateOnly periodEnd, string currency, decimal taxRatePercent,
        InvoiceCalculation calculation, string warningsJson, Guid? runId)
    {
        ClientId = client.Id;
        ClientName = client.Name;
        BillingEmail = client.BillingEmail;
        ClientAddress = client.Address;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        Currency = currency;
        TaxRatePercent = taxRatePercent;
        CoveredMinutes = calculation.CoveredMinutes;
        WarningsJson = warningsJson;
        RunId = runId;
        if (calculation.Block is { } block)
        {
            (BlockIncludedHours, BlockRolledInHours, BlockUsedHours, BlockOverageHours, BlockCarriedOutHours) =
                (block.IncludedHours, block.RolledInHours, block.UsedHours, block.OverageHours, block.CarriedOutHours);
        }

        foreach (var line in calculation.Lines)
        {
            _lines.Add(new InvoiceLine(Id, _lines.Count + 1, line));
        }

        Recalculate();
    }

    public Guid? TenantId { get; private set; }

    public Guid ClientId { get; private set; }

    public string ClientName { get; private set; } = string.Empty;

    public string? BillingEmail { get; private set; }

    public string? ClientAddress { get; private set; }

    public DateOnly PeriodStart { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    public string Currency { get; private set; } = string.Empty;

    public InvoiceStatus Status { get; private set; } = InvoiceStatus.Draft;

    /// <summary>{prefix}-{yyyy}-{00001}, assigned when sent; never reused, no gaps among sent invoices.</summary>
    public string? Number { get; private set; }

    public int? NumberYear { get; private set; }

    public int? NumberSequence { get; private set; }

    public DateOnly? IssueDate { get; private set; }

    public DateOnly? DueDate { get; private set; }

    public decimal TaxRatePercent { get; private set; }

    public long SubtotalMinor { get; private set; }

    public long TaxMinor { get; private set; }

    public long TotalMinor { get; private set; }

    /// <summary>Applied payments less applied refunds; above TotalMinor when overpaid.</summary>
    public long PaidMinor { get; private set; }

    /// <summary>Applied refunds (already deducted from PaidMinor).</summary>
    public long RefundedMinor { get; private set; }

    /// <summary>Payments needing the MSP's attention (flagged, not yet resolved): lets the list filter on them.</summary>
    public int FlaggedPayments { get; private set; }

    /// <summary>Time covered by a fixed monthly fee: locked to this invoice but not charged line by line.</summary>
    public int CoveredMinutes { get; private set; }

    public decimal? BlockIncludedHours { get; private set; }

    public decimal? BlockRolledInHours { get; private set; }

    public decimal? BlockUsedHours { get; private set; }

    public decimal? BlockOverageHours { get; private set; }

    /// <summary>Unused included hours the next month's invoice may draw on (roll-over, one month only).</summary>
    public decimal? BlockCarriedOutHours { get; private set; }

    public string WarningsJson { get; private set; } = "[]";

    /// <summary>Random token of the public pay link, set when sent.</summary>
    public string? PayToken { get; private set; }

    public Guid? RunId { get; private set; }

    public DateTime? SentAt { get; private set; }

    public DateTime? EmailedAt { get; private set; }

    public DateTime? VoidedAt { get; private set; }

    public string? VoidReason { get; private set; }

    public IReadOnlyList<InvoiceLine> Lines => _lines;

    public IReadOnlyList<Payment> Payments => _payments;

    /// <summary>The invoice's emails, one per send (the first and each resend), oldest first.</summary>
    public IReadOnlyList<InvoiceEmail> Emails => _emails;

    public long BalanceMinor => TotalMinor - PaidMinor;

    public InvoiceLine AddManualLine(string description, decimal quantity, decimal unitPrice, long amountMinor)
    {
        EnsureDraft("add lines to");
        if (SubtotalMinor + amountMinor < 0)
        {
            throw new BusinessException(BillingErrorCodes.NegativeTotal, "A discount cannot take the invoice below zero.");
        }

        var line = new InvoiceLine(Id, _lines.Count == 0 ? 1 : _lines.Max(l => l.Position) + 1,
            new CalculatedLine(InvoiceLineKind.Manual, null, null, null, description, quantity, unitPrice, amountMinor, null, null, null));
        _lines.Add(line);
        Recalculate();
        return line;
    }

    public void RemoveManualLine(Guid lineId)
    {
        EnsureDraft("remove lines from");
        var line = _lines.FirstOrDefault(l => l.Id == lineId) ?? throw new EntityNotFoundException("Invoice line", lineId);
        if (line.Kind != InvoiceLineKind.Manual)
        {
            throw new BusinessException(BillingErrorCodes.LineNotRemovable,
                "Only manual lines can be removed; time and fee lines come from the period. Delete the draft and generate it again instead.");
        }

        _lines.Remove(line);
        Recalculate();
    }

    public void EnsureDraft(string action)
    {
        if (Status != InvoiceStatus.Draft)
        {
            throw new BusinessException(BillingErrorCodes.NotDraft, $"Only a draft can be changed; cannot {action} an invoice that is {Status}.");
        }
    }

    /// <summary>Takes the client's current name, email and address: what is printed is fixed when the invoice is sent.</summary>
    public void RefreshClient(string name, string? billingEmail, string? address)
    {
        EnsureDraft("update the client of");
        (ClientName, BillingEmail, ClientAddress) = (name, billingEmail, address);
    }

    public void MarkSent(string number, int year, int sequence, DateOnly issueDate, int paymentTermsDays, string payToken, DateTime utcNow)
    {
        EnsureDraft("send");
        (Number, NumberYear, NumberSequence) = (number, year, sequence);
        IssueDate = issueDate;
        DueDate = issueDate.AddDays(paymentTermsDays);
        PayToken = payToken;
        SentAt = utcNow;
        Status = InvoiceStatus.Sent;
        RefreshStatus(issueDate);
    }

    /// <summary>
    /// Records the email of a send, to be delivered once the transaction commits. An email of this invoice still waiting
    /// for delivery is that email (asked for now rather than at its next retry), so sending twice never mails twice.
    /// </summary>
    /// <param name="messageIdFor">The Message-ID of the n-th send.</param>
    /// <remarks>A paid invoice may be emailed: one with nothing to pay is paid the moment it is sent.</remarks>
    public InvoiceEmail QueueEmail(Func<int, string> messageIdFor, string subject, string textBody, DateTime utcNow)
    {
        if (Status is InvoiceStatus.Draft or InvoiceStatus.Void)
        {
            throw new BusinessException(BillingErrorCodes.NotSendable, $"A {Status} invoice is not emailed.");
        }

        if (_emails.FirstOrDefault(e => e.Status == InvoiceEmailStatus.Pending) is { } pending)
        {
            pending.Hurry(utcNow);
            return pending;
        }

        var send = _emails.Count == 0 ? 1 : _emails.Max(e => e.Send) + 1;
        var email = new InvoiceEmail(Id, send, messageIdFor(send), BillingEmail!, subject, textBody, utcNow);
        _emails.Add(email);
        return email;
    }

    /// <summary>Voids a sent invoice on which no money was received (a zero-total invoice counts as paid yet received nothing).</summary>
    public void Void(string reason, DateTime utcNow)
    {
        if (Status is InvoiceStatus.Draft or InvoiceStatus.Void || PaidMinor != 0)
        {
            throw new BusinessException(BillingErrorCodes.NotVoidable,
                Status == InvoiceStatus.Draft
                    ? "A draft is not voided; delete it instead."
                    : Status == InvoiceStatus.Void ? "This invoice is already void."
                    : $"Money has been received on this invoice ({Status}); it cannot be voided.");
        }

        Status = InvoiceStatus.Void;
        VoidedAt = utcNow;
        foreach (var email in _emails.Where(e => e.Status == InvoiceEmailStatus.Pending))
        {
            email.Cancel();
        }

        VoidReason = reason;
    }

    /// <summary>A payment received outside Stripe, typed in by the MSP: refused when nothing may be paid or it exceeds the balance.</summary>
    public Payment RecordPayment(long amountMinor, DateOnly date, string method, string? reference, DateOnly today)
    {
        if (Status is InvoiceStatus.Draft or InvoiceStatus.Void or InvoiceStatus.Paid)
        {
            throw new BusinessException(BillingErrorCodes.NotPayable, $"Payments are recorded on sent invoices; this one is {Status}.");
        }

        if (amountMinor > BalanceMinor)
        {
            throw BusinessException.ForField(BillingErrorCodes.Overpayment, "amount",
                $"The balance due is {Regentra.Framework.Money.MoneyMath.FromMinor(BalanceMinor, Currency)} {Currency}; a payment cannot exceed it.");
        }

        return Receive(Payment.Manual(Id, amountMinor, Currency, date, method, reference), today);
    }

    /// <summary>
    /// A payment Stripe reports as succeeded. Money received is never refused: it is applied like a manual payment, and
    /// flagged for the MSP when it overpays; on a void or unsent invoice, or in another currency, it is recorded, flagged
    /// and not applied. Null when this PaymentIntent is already recorded.
    /// </summary>
    public Payment? RecordStripePayment(StripePaymentFacts facts, DateOnly date, DateOnly today)
    {
        if (FindByExternalId(facts.PaymentIntentId) is not null)
        {
            return null;
        }

        var payment = Payment.FromStripe(Id, facts, date);
        if (!string.Equals(facts.Currency, Currency, StringComparison.Ordinal))
        {
            payment.FlagFor(PaymentFlag.CurrencyMismatch,
                $"Paid in {facts.Currency}, but the invoice is in {Currency}: not counted. Refund it in Stripe or record the payment by hand.");
            return Track(payment);
        }

        if (Status is InvoiceStatus.Void or InvoiceStatus.Draft)
        {
            payment.FlagFor(Status == InvoiceStatus.Void ? PaymentFlag.InvoiceVoid : PaymentFlag.InvoiceDraft,
                $"Paid on an invoice that is {Status}: not counted. Refund it in Stripe or apply it elsewhere.");
            return Track(payment);
        }

        var due = BalanceMinor;
        Receive(payment, today);
        if (facts.AmountMinor > due)
        {
            payment.FlagFor(PaymentFlag.Overpayment, due <= 0
                ? $"Paid {Amount(facts.AmountMinor)} when nothing was due: the client has a credit of {Amount(-BalanceMinor)}."
                : $"Paid {Amount(facts.AmountMinor)} when {Amount(due)} was due: the client has a credit of {Amount(-BalanceMinor)}.");
            FlaggedPayments++;
        }

        return payment;
    }

    /// <summary>
    /// A refund Stripe reports as succeeded, of a recorded Stripe payment: lowers the amount paid (Paid → PartiallyPaid,
    /// or back to Sent/Overdue) when the payment was applied. A flag the refunds settle (an overpayment back within the
    /// total, a flagged payment refunded in full) is resolved. Null when this refund is already recorded.
    /// </summary>
    public Payment? RecordStripeRefund(Payment refunded, StripeRefundFacts facts, DateOnly date, DateOnly today, DateTime utcNow)
    {
        if (FindByExternalId(facts.RefundId) is not null)
        {
            return null;
        }

        var refund = Track(Payment.StripeRefund(Id, refunded, facts, date));
        if (refunded.Applied)
        {
            refund.Apply();
            PaidMinor -= facts.AmountMinor;
            RefundedMinor += facts.AmountMinor;
            RefreshStatus(today);
        }

        if (refunded.NeedsAttention && (refunded.Flag == PaymentFlag.Overpayment ? PaidMinor <= TotalMinor : RefundedOf(refunded) >= refunded.AmountMinor))
        {
            ResolveFlag(refunded, "Settled by refunds in Stripe.", null, utcNow);
        }

        return refund;
    }

    /// <summary>A recorded refund that Stripe now reports failed or canceled: the money is back with the MSP, so the amount paid rises again.</summary>
    public void ReverseStripeRefund(Payment refund, DateOnly today, DateTime utcNow)
    {
        if (refund.Kind != PaymentKind.Refund || refund.ReversedAt is not null)
        {
            return;
        }

        if (refund.Applied)
        {
            PaidMinor += refund.AmountMinor;
            RefundedMinor -= refund.AmountMinor;
        }

        refund.Reverse(utcNow);
        RefreshStatus(today);
    }

    /// <summary>A declined card or failed bank debit: shown on the invoice, no money moved. Ignored once the attempt has succeeded.</summary>
    public Payment? RecordStripeFailure(StripePaymentFacts facts, DateOnly date)
    {
        if (FindByExternalId(facts.PaymentIntentId) is not null || FindByExternalId(Payment.FailureKey(facts.PaymentIntentId)) is not null)
        {
            return null;
        }

        return Track(Payment.StripeFailure(Id, facts, date));
    }

    /// <summary>Someone sorted out a flagged payment (refunded it, moved it): the invoice no longer counts it as needing attention.</summary>
    public void ResolvePaymentFlag(Guid paymentId, string resolution, Guid? userId, DateTime utcNow)
    {
        var payment = _payments.FirstOrDefault(p => p.Id == paymentId) ?? throw new EntityNotFoundException("Payment", paymentId);
        if (!payment.NeedsAttention)
        {
            throw new BusinessException(BillingErrorCodes.PaymentNotFlagged,
                payment.Flag == PaymentFlag.None ? "This payment is not flagged." : "This flag was already resolved.");
        }

        ResolveFlag(payment, resolution, userId, utcNow);
    }

    public Payment? FindByExternalId(string externalId) => _payments.FirstOrDefault(p => p.ExternalId == externalId);

    private long RefundedOf(Payment payment) =>
        _payments.Where(p => p.Kind == PaymentKind.Refund && p.ReversedAt is null && p.StripePaymentIntentId == payment.StripePaymentIntentId).Sum(p => p.AmountMinor);

    private void ResolveFlag(Payment payment, string resolution, Guid? userId, DateTime utcNow)
    {
        payment.ResolveFlag(resolution, userId, utcNow);
        FlaggedPayments--;
    }

    private Payment Receive(Payment payment, DateOnly today)
    {
        Track(payment);
        payment.Apply();
        PaidMinor += payment.AmountMinor;
        RefreshStatus(today);
        return payment;
    }

    private Payment Track(Payment payment)
    {
        _payments.Add(payment);
        if (payment.NeedsAttention)
        {
            FlaggedPayments++;
        }

        return payment;
    }

    private string Amount(long minor) =>
        $"{Regentra.Framework.Money.MoneyMath.FromMinor(minor, Currency).ToString("N" + Regentra.Framework.Money.Currencies.MinorUnits(Currency), System.Globalization.CultureInfo.InvariantCulture)} {Currency}";

    /// <summary>Paid when nothing is due; Overdue when past the due date; PartiallyPaid or Sent otherwise.</summary>
    public void RefreshStatus(DateOnly today)
    {
        if (Status is InvoiceStatus.Draft or InvoiceStatus.Void)
        {
            return;
        }

        Status = PaidMinor >= TotalMinor ? InvoiceStatus.Paid
            : DueDate is { } due && today > due ? InvoiceStatus.Overdue
            : PaidMinor > 0 ? InvoiceStatus.PartiallyPaid
            : InvoiceStatus.Sent;
    }

    private void Recalculate()
    {
        SubtotalMinor = _lines.Sum(l => l.AmountMinor);
        TaxMinor = Regentra.Framework.Money.MoneyMath.TaxMinor(SubtotalMinor, TaxRatePercent);
        TotalMinor = SubtotalMinor + TaxMinor;
    }
}

/// <summary>The client as printed on the invoice, snapshotted at generation.</summary>
internal sealed record InvoiceClient(Guid Id, string Name, string? BillingEmail, string? Address);

internal sealed class InvoiceLine : IMultiTenant, IInsertedInBulk
{
    private InvoiceLine()
    {
    }

    public InvoiceLine(Guid invoiceId, int position, CalculatedLine line)
    {
        InvoiceId = invoiceId;
        Position = position;
        Kind = line.Kind;
        Date = line.Date;
        TechnicianName = line.TechnicianName;
        TicketNumber = line.TicketNumber;
        Description = line.Description;
        Quantity = line.Quantity;
        UnitPrice = line.UnitPrice;
        AmountMinor = line.AmountMinor;
        ActualMinutes = line.ActualMinutes;
        BilledMinutes = line.BilledMinutes;
        TimeEntryId = line.TimeEntryId;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid? TenantId { get; private set; }

    public Guid InvoiceId { get; private set; }

    public int Position { get; private set; }

    public InvoiceLineKind Kind { get; private set; }

    public DateOnly? Date { get; private set; }

    public string? TechnicianName { get; private set; }

    public string? TicketNumber { get; private set; }

    public string Description { get; private set; } = string.Empty;

    public decimal Quantity { get; private set; }

    public decimal UnitPrice { get; private set; }

    public long AmountMinor { get; private set; }

    public int? ActualMinutes { get; private set; }

    public int? BilledMinutes { get; private set; }

    public Guid? TimeEntryId { get; private set; }
}

/// <summary>Last invoice number handed out per tenant and year; incremented inside the sending transaction.</summary>
internal sealed class InvoiceNumberSequence
{
    public Guid TenantId { get; private set; }

    public int Year { get; private set; }

    public int LastNumber { get; private set; }
}

/// <summary>
/// One row per client, updated at the start of every invoice generation for that client: the row lock makes
/// simultaneous generations for one client take turns, so the "already invoiced?" check cannot be raced.
/// </summary>
internal sealed class ClientBillingLock
{
    public Guid TenantId { get; private set; }

    public Guid ClientId { get; private set; }

    public long Version { get; private set; }
}
