using Microsoft.EntityFrameworkCore;
using Regentra.Framework.Data;
using Regentra.Psa.Data;

namespace Regentra.Psa.Tickets;

/// <summary>
/// Hands out ticket numbers per tenant: 1, 2, 3... with no gaps and no duplicates, even when tickets are created
/// at the same moment. The increment runs inside the caller's transaction, so the row stays locked until the
/// ticket is saved (a concurrent creator waits) and a rolled-back ticket gives its number back.
/// </summary>
internal sealed class TicketNumbers(IPsaDbContext db)
{
    public async Task<int> NextAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await db.Database.IncrementAsync("PsaTicketSequences", nameof(TicketSequence.LastNumber), [(nameof(TicketSequence.TenantId), tenantId)], cancellationToken);
        return await db.TicketSequences.Where(s => s.TenantId == tenantId).Select(s => s.LastNumber).SingleAsync(cancellationToken);
    }
}
