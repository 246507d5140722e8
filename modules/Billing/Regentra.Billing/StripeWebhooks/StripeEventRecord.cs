using Regentra.Framework.Data;
using Regentra.Framework.MultiTenancy;

namespace Regentra.Billing.StripeWebhooks;

/// <summary>
/// A Stripe event that was processed, written in the same transaction as what it changed. (TenantId, EventId) is
/// unique, so a second delivery of the same event (Stripe retries, and sometimes sends twice) changes nothing.
/// </summary>
internal sealed class StripeEventRecord : IMultiTenant, IHasCreationAudit
{
    private StripeEventRecord()
    {
    }

    public StripeEventRecord(string eventId, string type, DateTime stripeCreatedAt)
    {
        EventId = eventId;
        Type = type;
        StripeCreatedAt = stripeCreatedAt;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid? TenantId { get; private set; }

    public string EventId { get; private set; } = string.Empty;

    public string Type { get; private set; } = string.Empty;

    public DateTime StripeCreatedAt { get; private set; }

    /// <summary>What processing did, for support: "Recorded payment pi_...", "Ignored: not a Regentra invoice", ...</summary>
    public string Outcome { get; private set; } = string.Empty;

    public DateTime CreationTime { get; private set; }

    public Guid? CreatorId { get; private set; }

    public void Done(string outcome) => Outcome = outcome.Length > 500 ? outcome[..500] : outcome;
}
