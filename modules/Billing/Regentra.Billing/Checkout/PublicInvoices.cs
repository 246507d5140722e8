using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Contracts.Payments;
using Regentra.Billing.Data;
using Regentra.Billing.Invoices;
using Regentra.Framework.Data;
using Regentra.Framework.Errors;
using Regentra.Framework.Money;
using Regentra.Framework.MultiTenancy;
using Regentra.Saas.Contracts.Settings;

namespace Regentra.Billing.Checkout;

/// <summary>
/// The invoice behind a pay link. The link's token is the only thing an anonymous client has, so it alone finds the
/// invoice and, through it, the organisation, which then becomes the current tenant for everything that follows.
/// </summary>
internal sealed class PublicInvoices(
    IBillingDbContext db, ICurrentTenant currentTenant, ITenantStore tenants, ITenantSettingsProvider settings, ITenantBranding branding)
{
    /// <summary>
    /// Runs <paramref name="action"/> on the pay link's invoice with its organisation as the current tenant. (The tenant
    /// is entered here, around the action: a change made inside an awaited method does not flow back to its caller.)
    /// </summary>
    public async Task<T> WithInvoiceAsync<T>(string token, Func<Invoice, Task<T>> action, CancellationToken cancellationToken)
    {
        var found = token.Length is >= 16 and <= 64
            ? await db.Invoices.IgnoreQueryFilters([RegentraModelConventions.TenantFilter]).AsNoTracking()
                .Where(i => i.PayToken == token).Select(i => new { i.Id, i.TenantId }).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (found?.TenantId is not { } tenantId || await tenants.FindAsync(tenantId, cancellationToken) is not { IsActive: true })
        {
            throw new BusinessException(FrameworkErrorCodes.NotFound,
                "This pay link is not valid. Check the link in your email, or ask the sender for a new one.", StatusCodes.Status404NotFound);
        }

        using (currentTenant.Change(tenantId))
        {
            return await action(await InvoiceLoader.LoadAsync(db, found.Id, cancellationToken));
        }
    }

    public async Task<PublicInvoiceDto> ToDtoAsync(Invoice i, CancellationToken cancellationToken)
    {
        var organization = await settings.GetAsync(cancellationToken);
        var connection = await db.StripeConnections.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var processing = await db.CheckoutSessions.AnyAsync(s => s.InvoiceId == i.Id && s.Status == CheckoutSessionStatus.Processing, cancellationToken);
        var refusal = PaymentOptions.Refusal(i, connection);
        var logo = await branding.GetLogoAsync(cancellationToken);
        decimal Money(long minor) => MoneyMath.FromMinor(minor, i.Currency);
        return new PublicInvoiceDto(organization.OrganizationName, organization.Address, i.Number!, i.ClientName, i.IssueDate!.Value, i.DueDate!.Value,
            i.PeriodStart, i.PeriodEnd, i.Currency, Money(i.SubtotalMinor), Money(i.TaxMinor), Money(i.TotalMinor), Money(i.PaidMinor),
            Money(Math.Max(0, i.BalanceMinor)), i.Status, refusal is null && !processing,
            processing && refusal is null ? "A payment is being processed; nothing more needs paying meanwhile." : refusal?.Message, processing,
            logo is null ? null : $"/api/public/invoices/{i.PayToken}/logo?v={logo.Version}");
    }
}
