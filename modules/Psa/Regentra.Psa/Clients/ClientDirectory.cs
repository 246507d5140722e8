using Microsoft.EntityFrameworkCore;
using Regentra.Psa.Contracts.Billing;
using Regentra.Psa.Data;

namespace Regentra.Psa.Clients;

/// <summary>Integration service for Billing: clients of the current tenant.</summary>
internal sealed class ClientDirectory(IPsaDbContext db) : IClientDirectory
{
    public Task<ClientInfo?> FindAsync(Guid clientId, CancellationToken cancellationToken = default) =>
        db.Clients.AsNoTracking().Where(c => c.Id == clientId)
            .Select(c => new ClientInfo(c.Id, c.Name, c.BillingEmail, c.Address, c.Currency, c.IsActive))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<ClientInfo>> GetManyAsync(IReadOnlyCollection<Guid> clientIds, CancellationToken cancellationToken = default) =>
        await db.Clients.AsNoTracking().Where(c => clientIds.Contains(c.Id))
            .Select(c => new ClientInfo(c.Id, c.Name, c.BillingEmail, c.Address, c.Currency, c.IsActive))
            .ToListAsync(cancellationToken);
}
