using Regentra.Framework.BackgroundJobs;

namespace Regentra.Billing.Invoices.Emails;

/// <summary>The Hangfire job that delivers a batch of one organisation's due invoice emails, one after the other.</summary>
internal sealed class InvoiceEmailDeliveryJob(InvoiceEmailDelivery delivery, Data.IBillingDbContext db) : ITenantJob<Guid[]>
{
    public async Task ExecuteAsync(Guid[] args, CancellationToken cancellationToken)
    {
        foreach (var id in args)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await delivery.DeliverAsync(id, onlyIfDue: true, cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
