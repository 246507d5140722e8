using System.Linq.Expressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Regentra.Framework.Errors;
using Regentra.Framework.Paging;
using Regentra.Framework.Permissions;
using Regentra.Framework.Validation;
using Regentra.Saas.Contracts;
using Regentra.Saas.Contracts.Users;
using Regentra.Saas.Data;
using Regentra.Saas.Identity;

namespace Regentra.Saas.Users;

/// <summary>/api/saas/users: the organisation's members.</summary>
internal static class UserEndpoints
{
    public static void Map(IEndpointRouteBuilder saas)
    {
        var users = saas.MapGroup("/users");
        users.MapGet("", ListAsync).RequireAuthorization(SaasPermissions.Users.Default)
            .WithSummary("Members of the organisation. Filter with search (name or email), role and isActive.");
        users.MapGet("/{id:guid}", GetAsync).RequireAuthorization(SaasPermissions.Users.Default);
        users.MapPut("/{id:guid}/role", ChangeRoleAsync).RequireAuthorization(SaasPermissions.Users.Manage)
            .Validate<ChangeUserRoleRequest>().WithSummary("Gives the member another role.");
        users.MapPost("/{id:guid}/deactivate", DeactivateAsync).RequireAuthorization(SaasPermissions.Users.Manage)
            .WithSummary("Blocks sign-in and ends the member's sessions and tokens at once.");
        users.MapPost("/{id:guid}/reactivate", ReactivateAsync).RequireAuthorization(SaasPermissions.Users.Manage);
    }

    internal sealed class ListUsersQuery : PageRequest
    {
        public string? Search { get; init; }

        public string? Role { get; init; }

        public bool? IsActive { get; init; }
    }

    private static async Task<Ok<PagedResult<UserDto>>> ListAsync([AsParameters] ListUsersQuery query, ISaasDbContext db, CancellationToken cancellationToken)
    {
        var users = Rows(db);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLowerInvariant();
            users = users.Where(r => r.User.Name.ToLower().Contains(term) || r.User.Email!.ToLower().Contains(term));
        }

        if (!string.IsNullOrWhiteSpace(query.Role))
        {
            // Role names are case-insensitive everywhere else too (invitations, role changes).
            var role = StandardRoles.TenantRoles.FirstOrDefault(r => r.Equals(query.Role.Trim(), StringComparison.OrdinalIgnoreCase)) ?? query.Role.Trim();
            users = users.Where(r => r.Role == role);
        }

        if (query.IsActive is { } active)
        {
            users = users.Where(r => r.User.IsActive == active);
        }

        var sorts = new SortMap<UserRow>("name", r => r.User.Id)
            .Add("name", r => r.User.Name).Add("email", r => r.User.Email).Add("role", r => r.Role)
            .Add("creationTime", r => r.User.CreationTime).Add("lastLoginTime", r => r.User.LastLoginTime);
        return TypedResults.Ok(await users.ToPagedResultAsync(query, sorts, ToDto, cancellationToken));
    }

    private static async Task<Ok<UserDto>> GetAsync(Guid id, ISaasDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await Rows(db).Where(r => r.User.Id == id).Select(ToDto).FirstOrDefaultAsync(cancellationToken)
            ?? throw new EntityNotFoundException("User", id));

    private static async Task<Ok<UserDto>> ChangeRoleAsync(Guid id, ChangeUserRoleRequest request, TeamService team, ISaasDbContext db, CancellationToken cancellationToken)
    {
        await team.ChangeRoleAsync(id, request.Role!, cancellationToken);
        return await GetAsync(id, db, cancellationToken);
    }

    private static async Task<Ok<UserDto>> DeactivateAsync(Guid id, TeamService team, ISaasDbContext db, CancellationToken cancellationToken)
    {
        await team.DeactivateAsync(id, cancellationToken);
        return await GetAsync(id, db, cancellationToken);
    }

    private static async Task<Ok<UserDto>> ReactivateAsync(Guid id, TeamService team, ISaasDbContext db, CancellationToken cancellationToken)
    {
        await team.ReactivateAsync(id, cancellationToken);
        return await GetAsync(id, db, cancellationToken);
    }

    /// <summary>A user with the name of the one role they hold; built with an initializer so EF Core can filter and sort by it.</summary>
    internal sealed class UserRow
    {
        public required AppUser User { get; init; }

        public required string Role { get; init; }
    }

    private static IQueryable<UserRow> Rows(ISaasDbContext db) =>
        db.Users.AsNoTracking().Select(u => new UserRow
        {
            User = u,
            Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).FirstOrDefault() ?? string.Empty,
        });

    private static readonly Expression<Func<UserRow, UserDto>> ToDto =
        r => new UserDto(r.User.Id, r.User.Name, r.User.Email!, r.Role, r.User.IsActive, r.User.CreationTime, r.User.LastLoginTime);
}

internal sealed class ChangeUserRoleValidator : IValidator<ChangeUserRoleRequest>
{
    public void Validate(ChangeUserRoleRequest request, ValidationErrors errors) => errors.RequireText("role", request.Role, 64);
}
