using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Shouldly;
using Regentra.Billing.Contracts.Agreements;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Runs;
using Regentra.Framework.Paging;
using Regentra.Psa.Contracts.Clients;
using Regentra.Psa.Contracts.TimeEntries;
using Regentra.Saas.Contracts.Settings;

namespace Regentra.TestBase;

/// <summary>What POST /api/billing/invoices/{id}/send answers.</summary>
public sealed record SentInvoice(InvoiceDetailDto Invoice, bool Emailed, string? EmailError);

public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>An email with its attachments decoded, as the client's accounts department receives it.</summary>
public sealed record ReceivedMail(string To, string Subject, string TextBody, IReadOnlyList<MailAttachment> Attachments, string? MessageId = null);

/// <summary>Shortcuts for arranging and calling the Billing API (agreements, invoices, payments) as a client would.</summary>
public static class BillingApi
{
    /// <summary>February 2026: a closed month before the test clock's "today" (2026-03-02).</summary>
    public static readonly DateOnly Feb1 = new(2026, 2, 1);

    public static readonly DateOnly Mar1 = new(2026, 3, 1);

    public static DateOnly Feb(int day) => new(2026, 2, day);

    /// <summary>Sets the billing defaults of the session's organisation (GET then PUT with the stamp).</summary>
    public static async Task<TenantSettingsDto> ConfigureBillingAsync(
        this TenantSession admin, decimal taxRatePercent = 20m, decimal defaultHourlyRate = 100m, int paymentTermsDays = 14,
        string? invoicePrefix = null, string? timeZone = null)
    {
        var s = await admin.Client.GetAsync<TenantSettingsDto>("/api/saas/settings");
        return await (await admin.Client.PutJsonAsync("/api/saas/settings", new UpdateTenantSettingsRequest(
                s.OrganizationName, s.Address, timeZone ?? s.TimeZone, s.Currency, invoicePrefix ?? s.InvoicePrefix, paymentTermsDays,
                taxRatePercent, defaultHourlyRate, s.AllowSelfApproval, s.ConcurrencyStamp)))
            .ReadAsync<TenantSettingsDto>();
    }

    /// <summary>A client with its own billing email (so its invoice mails can be told apart), or none.</summary>
    public static async Task<ClientDto> CreateBillingClientAsync(this TenantSession session, string? name = null, string? currency = null, bool withEmail = true)
    {
        name ??= $"Client {Guid.NewGuid():N}"[..20];
        var email = withEmail ? $"accounts-{Guid.NewGuid():N}"[..20] + "@client.test" : null;
        return await (await session.Client.PostJsonAsync("/api/psa/clients", new CreateClientRequest(name, email, "1 Main Street", currency, null)))
            .ReadAsync<ClientDto>(HttpStatusCode.Created);
    }

    /// <summary>
    /// A new organisation ready to bill: its admin is its only member (so may approve their own time), tax 20 %,
    /// default rate 100 an hour, payment terms 14 days; and one client with a billing email.
    /// </summary>
    public static async Task<(TenantSession Admin, ClientDto Client)> SignUpBillingAsync(this RegentraApp app, string? currency = null)
    {
        var admin = currency is null ? await app.SignUpAsync() : await app.SignUpWithCurrencyAsync(currency);
        await admin.ConfigureBillingAsync();
        return (admin, await admin.CreateBillingClientAsync());
    }

    /// <summary>Approved, billable client time (no ticket) of the given minutes, one entry per day from February 2.</summary>
    public static async Task<IReadOnlyList<TimeEntryDto>> ApprovedFebruaryTimeAsync(this TenantSession admin, Guid clientId, params int[] minutes) =>
        await admin.LogApprovedAsync(admin, [.. minutes.Select((m, i) => PsaApi.ClientTime(clientId, m, Feb(2 + i)))]);

    /// <summary>A February draft for the client with approved time of the given minutes (one hour if none given).</summary>
    public static async Task<InvoiceDetailDto> FebruaryDraftAsync(this TenantSession admin, Guid clientId, params int[] minutes)
    {
        await admin.ApprovedFebruaryTimeAsync(clientId, minutes.Length == 0 ? [60] : minutes);
        return await admin.GenerateOkAsync(clientId);
    }

    /// <summary>A sent February invoice for the client.</summary>
    public static async Task<InvoiceDetailDto> FebruarySentAsync(this TenantSession admin, Guid clientId, params int[] minutes) =>
        (await admin.SendOkAsync((await admin.FebruaryDraftAsync(clientId, minutes)).Id)).Invoice;

    public static PutAgreementRequest Hourly(decimal rate, DateOnly? from = null, RoundingRule? rounding = null, DateOnly? to = null) =>
        new(AgreementType.Hourly, from ?? Feb1, to, rate, null, null, null, null, false, rounding, false, false);

    public static PutAgreementRequest Monthly(decimal fee, DateOnly? from = null, string? scope = "Managed desktops") =>
        new(AgreementType.MonthlyRecurring, from ?? Feb1, null, null, fee, scope, null, null, false, null, false, false);

    public static PutAgreementRequest Block(decimal fee, decimal includedHours, decimal overageRate, bool rollover = false, DateOnly? from = null) =>
        new(AgreementType.BlockHours, from ?? Feb1, null, null, fee, null, includedHours, overageRate, rollover, null, false, false);

    public static Task<HttpResponseMessage> PutAgreementAsync(this TenantSession session, Guid clientId, PutAgreementRequest request) =>
        session.Client.PutJsonAsync($"/api/billing/clients/{clientId}/agreement", request);

    public static async Task<AgreementDto> SetAgreementAsync(this TenantSession session, Guid clientId, PutAgreementRequest request) =>
        await (await session.PutAgreementAsync(clientId, request)).ReadAsync<AgreementDto>();

    public static Task<HttpResponseMessage> PreviewAsync(this TenantSession session, Guid clientId, DateOnly? from = null, DateOnly? to = null) =>
        session.Client.PostJsonAsync("/api/billing/invoices/preview", new InvoiceRequest(clientId, from ?? Feb1, to ?? Mar1));

    public static async Task<InvoicePreviewDto> PreviewOkAsync(this TenantSession session, Guid clientId, DateOnly? from = null, DateOnly? to = null) =>
        await (await session.PreviewAsync(clientId, from, to)).ReadAsync<InvoicePreviewDto>();

    public static Task<HttpResponseMessage> GenerateAsync(this TenantSession session, Guid clientId, DateOnly? from = null, DateOnly? to = null) =>
        session.Client.PostJsonAsync("/api/billing/invoices", new InvoiceRequest(clientId, from ?? Feb1, to ?? Mar1));

    public static async Task<InvoiceDetailDto> GenerateOkAsync(this TenantSession session, Guid clientId, DateOnly? from = null, DateOnly? to = null) =>
        await (await session.GenerateAsync(clientId, from, to)).ReadAsync<InvoiceDetailDto>(HttpStatusCode.Created);

    public static Task<InvoiceDetailDto> GetInvoiceAsync(this TenantSession session, Guid invoiceId) =>
        session.Client.GetAsync<InvoiceDetailDto>($"/api/billing/invoices/{invoiceId}");

    public static Task<PagedResult<InvoiceDto>> ListInvoicesAsync(this TenantSession session, string query = "") =>
        session.Client.GetAsync<PagedResult<InvoiceDto>>($"/api/billing/invoices?{query}");

    public static Task<HttpResponseMessage> SendAsync(this TenantSession session, Guid invoiceId) =>
        session.Client.PostJsonAsync($"/api/billing/invoices/{invoiceId}/send", null);

    public static async Task<SentInvoice> SendOkAsync(this TenantSession session, Guid invoiceId) =>
        await (await session.SendAsync(invoiceId)).ReadAsync<SentInvoice>();

    public static Task<HttpResponseMessage> VoidAsync(this TenantSession session, Guid invoiceId, string? reason = "Billed the wrong period") =>
        session.Client.PostJsonAsync($"/api/billing/invoices/{invoiceId}/void", new VoidInvoiceRequest(reason));

    public static Task<HttpResponseMessage> PayAsync(
        this TenantSession session, Guid invoiceId, decimal? amount, DateOnly? date = null, string? method = "BankTransfer", string? reference = null) =>
        session.Client.PostJsonAsync($"/api/billing/invoices/{invoiceId}/payments", new RecordPaymentRequest(amount, date ?? PsaApi.Monday, method, reference));

    public static Task<HttpResponseMessage> AddLineAsync(this TenantSession session, Guid invoiceId, string? description, decimal? quantity, decimal? unitPrice) =>
        session.Client.PostJsonAsync($"/api/billing/invoices/{invoiceId}/lines", new AddInvoiceLineRequest(description, quantity, unitPrice));

    /// <summary>Compares two invoices field by field, lists included (record equality compares lists by reference).</summary>
    public static void ShouldBeEquivalentInvoice(this InvoiceDetailDto actual, InvoiceDetailDto expected)
    {
        actual.Lines.ShouldBe(expected.Lines);
        actual.Warnings.ShouldBe(expected.Warnings);
        actual.Payments.ShouldBe(expected.Payments);
        actual.Emails.ShouldBe(expected.Emails);
        (actual with { Lines = null!, Warnings = null!, Payments = null!, Emails = null! })
            .ShouldBe(expected with { Lines = null!, Warnings = null!, Payments = null!, Emails = null! });
    }

    /// <summary>The emails sent to <paramref name="address"/>, oldest first, with their attachments.</summary>
    public static IReadOnlyList<ReceivedMail> MailsTo(this RegentraApp app, string address) =>
        app.Mails().Select(Parse).Where(m => string.Equals(m.To, address, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>One pass of the hourly billing scheduler (month-end runs and overdue marking), as Hangfire would run it.</summary>
    public static async Task RunBillingSchedulerAsync(this RegentraApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MonthEndScheduler>().RunAsync(CancellationToken.None);
    }

    /// <summary>
    /// One pass of the invoice email outbox, as Hangfire would run it: it queues the due emails' deliveries as jobs,
    /// which run only where the fixture has a job server (MonthEndApp).
    /// </summary>
    public static async Task RunEmailOutboxAsync(this RegentraApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Regentra.Billing.Invoices.Emails.InvoiceEmailOutbox>().RunAsync(CancellationToken.None);
    }

    /// <summary>An .eml file as its recipient's mail program reads it.</summary>
    public static ReceivedMail Parse(string eml)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(eml));
        var message = MimeMessage.Load(stream);
        var attachments = message.Attachments.OfType<MimePart>().Select(part =>
        {
            using var content = new MemoryStream();
            part.Content?.DecodeTo(content);
            return new MailAttachment(part.FileName ?? string.Empty, part.ContentType.MimeType, content.ToArray());
        }).ToList();
        return new ReceivedMail(message.To.Mailboxes.Single().Address, message.Subject ?? string.Empty, message.TextBody ?? string.Empty, attachments, message.MessageId);
    }
}
