using Microsoft.EntityFrameworkCore;
using Regentra.Saas.Contracts.Users;
using Regentra.Saas.Data;

namespace Regentra.Saas.Users;

internal sealed class UserDirectory(ISaasDbContext db) : IUserDirectory
{
    public async Task<IReadOnlyDictionary<Guid, UserSummary>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, UserSummary>();
        }

        return await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .Select(u => new UserSummary(u.Id, u.Name, u.Email!, u.IsActive))
            .ToDictionaryAsync(u => u.Id, cancellationToken);
    }

    public Task<int> CountActiveAsync(CancellationToken cancellationToken = default) =>
        db.Users.CountAsync(u => u.IsActive, cancellationToken);
}
