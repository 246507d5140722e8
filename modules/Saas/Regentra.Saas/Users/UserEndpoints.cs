using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Regentra.Framework.Errors;
using Regentra.Framework.Paging;
using Regentra.Framework.Validation;
using Regentra.Saas.Contracts;
using Regentra.Saas.Contracts.Users;
using Regentra.Saas.Data;

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
        var users = Project(db);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLowerInvariant();
            users = users.Where(u => u.Name.ToLower().Contains(term) || u.Email.ToLower().Contains(term));
        }

        if (!string.IsNullOrWhiteSpace(query.Role))
        {
            users = users.Where(u => u.Role == query.Role);
        }

        if (query.IsActive is { } active)
        {
            users = users.Where(u => u.IsActive == active);
        }

        var sorts = new SortMap<UserRow>("name", u => u.Id)
            .Add("name", u => u.Name).Add("email", u => u.Email).Add("role", u => u.Role)
            .Add("creationTime", u => u.CreationTime).Add("lastLoginTime", u => u.LastLoginTime);
        var page = await users.ToPagedResultAsync(query, sorts, cancellationToken);
        return TypedResults.Ok(new PagedResult<UserDto>(page.Items.Select(u => u.ToDto()).ToList(), page.TotalCount));
    }

    private static async Task<Ok<UserDto>> GetAsync(Guid id, ISaasDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await Project(db).FirstOrDefaultAsync(u => u.Id == id, cancellationToken))?.ToDto() ?? throw new EntityNotFoundException("User", id));

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

    // Each user holds exactly one of the tenant's roles; the tenant filter applies to users and roles alike.
    private static IQueryable<UserRow> Project(ISaasDbContext db) =>
        db.Users.AsNoTracking().Select(u => new UserRow
        {
            Id = u.Id,
            Name = u.Name,
            Email = u.Email!,
            Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).FirstOrDefault() ?? string.Empty,
            IsActive = u.IsActive,
            CreationTime = u.CreationTime,
            LastLoginTime = u.LastLoginTime,
        });

    // EF Core can filter and sort on a member-initialised projection, but not on a record built by its constructor.
    private sealed class UserRow
    {
        public Guid Id { get; init; }

        public string Name { get; init; } = string.Empty;

        public string Email { get; init; } = string.Empty;

        public string Role { get; init; } = string.Empty;

        public bool IsActive { get; init; }

        public DateTime CreationTime { get; init; }

        public DateTime? LastLoginTime { get; init; }

        public UserDto ToDto() => new(Id, Name, Email, Role, IsActive, CreationTime, LastLoginTime);
    }
}

internal sealed class ChangeUserRoleValidator : IValidator<ChangeUserRoleRequest>
{
    public void Validate(ChangeUserRoleRequest request, ValidationErrors errors) => errors.RequireText("role", request.Role, 64);
}
