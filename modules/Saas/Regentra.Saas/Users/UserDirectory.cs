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

    public async Task<(IReadOnlyList<UserSummary> Items, int TotalCount)> ListActiveAsync(
        string? search, int skip, int take, CancellationToken cancellationToken = default)
    {
        var users = db.Users.AsNoTracking().Where(u => u.IsActive);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            users = users.Where(u => u.Name.ToLower().Contains(term) || u.Email!.ToLower().Contains(term));
        }

        var total = await users.CountAsync(cancellationToken);
        var items = total == 0 ? [] : await users.OrderBy(u => u.Name).ThenBy(u => u.Id).Skip(skip).Take(take)
            .Select(u => new UserSummary(u.Id, u.Name, u.Email!, u.IsActive))
            .ToListAsync(cancellationToken);
        return (items, total);
    }
}
