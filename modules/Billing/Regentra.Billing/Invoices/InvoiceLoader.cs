using Microsoft.EntityFrameworkCore;
using Regentra.Billing.Data;
using Regentra.Framework.Errors;

namespace Regentra.Billing.Invoices;

internal static class InvoiceLoader
{
    /// <summary>The invoice with its lines, payments and emails, or 404 (also for another tenant's invoice).</summary>
    public static async Task<Invoice> LoadAsync(IBillingDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Invoices.Include(i => i.Lines).Include(i => i.Payments).Include(i => i.Emails).AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
        ?? throw new EntityNotFoundException("Invoice", id);
}
