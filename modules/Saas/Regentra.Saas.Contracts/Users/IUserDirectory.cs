namespace Regentra.Saas.Contracts.Users;

/// <summary>A member of the current organisation as other modules see them.</summary>
public sealed record UserSummary(Guid Id, string Name, string Email, bool IsActive);

/// <summary>Integration service: members of the current tenant, for other modules (names on time entries, assignees).</summary>
public interface IUserDirectory
{
    /// <summary>The members among <paramref name="ids"/>; ids of other tenants or unknown ids are simply absent.</summary>
    Task<IReadOnlyDictionary<Guid, UserSummary>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default);

    Task<int> CountActiveAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of the active members, by name, whose name or email contains <paramref name="search"/> (any case),
    /// with how many match in all: for pickers such as a ticket's assignee.
    /// </summary>
    Task<(IReadOnlyList<UserSummary> Items, int TotalCount)> ListActiveAsync(string? search, int skip, int take, CancellationToken cancellationToken = default);
}
