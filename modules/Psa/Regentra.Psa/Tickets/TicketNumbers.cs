using Microsoft.EntityFrameworkCore;
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
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Ticket numbers must be taken inside the transaction that saves the ticket.");
        }

        // Both SQLite and PostgreSQL understand ON CONFLICT; the first ticket of a tenant creates its counter.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "PsaTicketSequences" ("TenantId", "LastNumber") VALUES ({tenantId}, 0) ON CONFLICT ("TenantId") DO NOTHING""",
            cancellationToken);
        await db.TicketSequences.Where(s => s.TenantId == tenantId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastNumber, x => x.LastNumber + 1), cancellationToken);
        return await db.TicketSequences.Where(s => s.TenantId == tenantId).Select(s => s.LastNumber).SingleAsync(cancellationToken);
    }
}
