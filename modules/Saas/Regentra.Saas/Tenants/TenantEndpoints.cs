using System.Linq.Expressions;
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
        var tenants = Rows(db);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLowerInvariant();
            tenants = tenants.Where(r => r.Tenant.Name.ToLower().Contains(term) || r.Tenant.Slug.Contains(term));
        }

        if (query.IsActive is { } active)
        {
            tenants = tenants.Where(r => r.Tenant.IsActive == active);
        }

        var sorts = new SortMap<TenantRow>("creationTime desc", r => r.Tenant.Id)
            .Add("name", r => r.Tenant.Name).Add("slug", r => r.Tenant.Slug)
            .Add("creationTime", r => r.Tenant.CreationTime).Add("userCount", r => r.UserCount);
        return TypedResults.Ok(await tenants.ToPagedResultAsync(query, sorts, ToDto, cancellationToken));
    }

    private static async Task<Ok<TenantDto>> GetAsync(Guid id, ISaasDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await Rows(db).Where(r => r.Tenant.Id == id).Select(ToDto).FirstOrDefaultAsync(cancellationToken)
            ?? throw new EntityNotFoundException("Tenant", id));

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

    internal sealed class TenantRow
    {
        public required Tenant Tenant { get; init; }

        public required int UserCount { get; init; }
    }

    // Host-side: counting every tenant's users is a deliberate exception to the tenant filter.
    private static IQueryable<TenantRow> Rows(ISaasDbContext db) =>
        db.Tenants.IgnoreQueryFilters([RegentraModelConventions.TenantFilter]).AsNoTracking()
            .Select(t => new TenantRow { Tenant = t, UserCount = db.Users.Count(u => u.TenantId == t.Id) });

    private static readonly Expression<Func<TenantRow, TenantDto>> ToDto =
        r => new TenantDto(r.Tenant.Id, r.Tenant.Name, r.Tenant.Slug, r.Tenant.IsActive, r.Tenant.CreationTime,
            r.Tenant.SuspendedAt, r.Tenant.SuspensionReason, r.UserCount);
}
