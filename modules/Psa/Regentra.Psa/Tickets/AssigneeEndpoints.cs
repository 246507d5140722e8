using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Regentra.Framework.Paging;
using Regentra.Framework.Validation;
using Regentra.Psa.Contracts;
using Regentra.Psa.Contracts.Tickets;
using Regentra.Saas.Contracts.Users;

namespace Regentra.Psa.Tickets;

/// <summary>
/// GET /api/psa/assignees: who a ticket can be assigned to, for pickers and the assignee filter. Anyone who may see
/// tickets may list them (the team list itself needs Saas.Users, which technicians do not hold); only names are shown.
/// </summary>
internal static class AssigneeEndpoints
{
    public static void Map(IEndpointRouteBuilder psa) =>
        psa.MapGet("/assignees", ListAsync).RequireAuthorization(PsaPermissions.Tickets.Default)
            .WithSummary("Active members a ticket can be assigned to, by name. Filter with search (name or email).");

    internal sealed class ListAssigneesQuery : PageRequest
    {
        public string? Search { get; init; }
    }

    private static async Task<Ok<PagedResult<AssigneeDto>>> ListAsync([AsParameters] ListAssigneesQuery query, IUserDirectory users, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        query.Validate(errors);
        if (!string.IsNullOrWhiteSpace(query.Sort) && !query.Sort.Trim().Equals("name", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("sort", "Assignees are listed by name only (sort=name).");
        }

        errors.ThrowIfAny();
        var (items, total) = await users.ListActiveAsync(query.Search, query.SkipOrDefault, query.TakeOrDefault, cancellationToken);
        return TypedResults.Ok(new PagedResult<AssigneeDto>(items.Select(u => new AssigneeDto(u.Id, u.Name)).ToList(), total));
    }
}
