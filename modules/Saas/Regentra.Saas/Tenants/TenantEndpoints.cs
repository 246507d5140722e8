using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Regentra.Framework.Data;
using Regentra.Framework.Errors;
using Regentra.Framework.Paging;
using Regentra.Saas.Contracts;
using Regentra.Saas.Contracts.Tenants;
using Regentra.Saas.Data;

namespace Regentra.Saas.Tenants;

/// <summary>/api/saas/tenants: the host operator's view of every organisation.</summary>
internal static class TenantEndpoints
{
    public static void Map(IEndpointRouteBuilder saas)
    {
        var tenants = saas.MapGroup("/tenants");
        tenants.MapGet("", ListAsync).RequireAuthorization(SaasPermissions.Tenants.Default)
            .WithSummary("Every organisation. Filter with search (name or slug) and isActive.");
        tenants.MapGet("/{id:guid}", GetAsync).RequireAuthorization(SaasPermissions.Tenants.Default);
        tenants.MapPost("/{id:guid}/suspend", SuspendAsync).RequireAuthorization(SaasPermissions.Tenants.Manage)
            .Accepts<SuspendTenantRequest>(isOptional: true, "application/json", "*/*")
            .WithSummary("Blocks sign-in and every API call of the organisation's users.");
        tenants.MapPost("/{id:guid}/reactivate", ReactivateAsync).RequireAuthorization(SaasPermissions.Tenants.Manage);
    }

    internal sealed class ListTenantsQuery : PageRequest
    {
        public string? Search { get; init; }

        public bool? IsActive { get; init; }
    }

    private static async Task<Ok<PagedResult<TenantDto>>> ListAsync([AsParameters] ListTenantsQuery query, ISaasDbContext db, CancellationToken cancellationToken)
    {
        var tenants = Project(db);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLowerInvariant();
            tenants = tenants.Where(t => t.Name.ToLower().Contains(term) || t.Slug.Contains(term));
        }

        if (query.IsActive is { } active)
        {
            tenants = tenants.Where(t => t.IsActive == active);
        }

        var sorts = new SortMap<TenantRow>("creationTime desc", t => t.Id)
            .Add("name", t => t.Name).Add("slug", t => t.Slug).Add("creationTime", t => t.CreationTime).Add("userCount", t => t.UserCount);
        var page = await tenants.ToPagedResultAsync(query, sorts, cancellationToken);
        return TypedResults.Ok(new PagedResult<TenantDto>(page.Items.Select(t => t.ToDto()).ToList(), page.TotalCount));
    }

    private static async Task<Ok<TenantDto>> GetAsync(Guid id, ISaasDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await Project(db).FirstOrDefaultAsync(t => t.Id == id, cancellationToken))?.ToDto() ?? throw new EntityNotFoundException("Tenant", id));

    private static async Task<Ok<TenantDto>> SuspendAsync(
        Guid id, SuspendTenantRequest? request, ISaasDbContext db, TenantStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request?.Reason is { Length: > 500 })
        {
            throw ValidationException.For("reason", "Must be at most 500 characters.");
        }

        var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw new EntityNotFoundException("Tenant", id);
        tenant.Suspend(request?.Reason, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        store.Invalidate(id);
        return await GetAsync(id, db, cancellationToken);
    }

    private static async Task<Ok<TenantDto>> ReactivateAsync(Guid id, ISaasDbContext db, TenantStore store, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw new EntityNotFoundException("Tenant", id);
        tenant.Reactivate();
        await db.SaveChangesAsync(cancellationToken);
        store.Invalidate(id);
        return await GetAsync(id, db, cancellationToken);
    }

    // Host-side: counting every tenant's users is a deliberate exception to the tenant filter.
    private static IQueryable<TenantRow> Project(ISaasDbContext db) =>
        db.Tenants.IgnoreQueryFilters([RegentraModelConventions.TenantFilter]).AsNoTracking().Select(t => new TenantRow
        {
            Id = t.Id,
            Name = t.Name,
            Slug = t.Slug,
            IsActive = t.IsActive,
            CreationTime = t.CreationTime,
            SuspendedAt = t.SuspendedAt,
            SuspensionReason = t.SuspensionReason,
            UserCount = db.Users.Count(u => u.TenantId == t.Id),
        });

    // EF Core can filter and sort on a member-initialised projection, but not on a record built by its constructor.
    private sealed class TenantRow
    {
        public Guid Id { get; init; }

        public string Name { get; init; } = string.Empty;

        public string Slug { get; init; } = string.Empty;

        public bool IsActive { get; init; }

        public DateTime CreationTime { get; init; }

        public DateTime? SuspendedAt { get; init; }

        public string? SuspensionReason { get; init; }

        public int UserCount { get; init; }

        public TenantDto ToDto() => new(Id, Name, Slug, IsActive, CreationTime, SuspendedAt, SuspensionReason, UserCount);
    }
}
