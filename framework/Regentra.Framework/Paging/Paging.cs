using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Regentra.Framework.Errors;
using Regentra.Framework.Validation;

namespace Regentra.Framework.Paging;

/// <summary>Query-string paging: <c>?skip=&amp;take=&amp;sort=</c>. Bind with <c>[AsParameters]</c>.</summary>
public class PageRequest
{
    public const int MaxTake = 1000;
    public const int DefaultTake = 50;

    // Nullable so that minimal APIs treat them as optional query parameters.
    public int? Skip { get; init; }

    public int? Take { get; init; }

    public int SkipOrDefault => Skip ?? 0;

    public int TakeOrDefault => Take ?? DefaultTake;

    /// <summary>Comma-separated fields, each optionally followed by "asc" or "desc": <c>name desc,creationTime</c>.</summary>
    public string? Sort { get; init; }

    public void Validate(ValidationErrors errors)
    {
        if (SkipOrDefault < 0)
        {
            errors.Add("skip", "Must be 0 or more.");
        }

        if (TakeOrDefault is < 1 or > MaxTake)
        {
            errors.Add("take", $"Must be between 1 and {MaxTake}.");
        }
    }
}

/// <summary>One page of a list plus the total number of matching rows.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);

public static class PagingExtensions
{
    /// <summary>
    /// Validates the page, sorts the entity query with <paramref name="sorts"/>, counts, then projects one page
    /// with <paramref name="projection"/>. Filtering and sorting happen before the projection because EF Core
    /// cannot translate members of a DTO built by a constructor.
    /// </summary>
    public static async Task<PagedResult<TResult>> ToPagedResultAsync<TSource, TResult>(
        this IQueryable<TSource> query, PageRequest page, SortMap<TSource> sorts,
        Expression<Func<TSource, TResult>> projection, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        page.Validate(errors);
        var sorted = sorts.Apply(query, page.Sort, errors);
        errors.ThrowIfAny();

        var total = await query.CountAsync(cancellationToken);
        var items = total == 0
            ? []
            : await sorted.Skip(page.SkipOrDefault).Take(page.TakeOrDefault).Select(projection).ToListAsync(cancellationToken);
        return new PagedResult<TResult>(items, total);
    }
}
