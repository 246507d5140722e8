using System.Linq.Expressions;
using Regentra.Framework.Validation;

namespace Regentra.Framework.Paging;

/// <summary>
/// The sortable fields of a list, by public name. Unknown fields are a validation error, never a crash
/// and never a sort on an arbitrary column. The default order always ends with a unique key so pages are stable.
/// Empty values (null) sort last in both directions on every database (PostgreSQL and SQLite disagree otherwise).
/// </summary>
public sealed class SortMap<T>
{
    private readonly Dictionary<string, LambdaExpression> _fields = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _defaultSort;
    private readonly LambdaExpression _tieBreaker;

    public SortMap(string defaultSort, Expression<Func<T, Guid>> tieBreaker)
    {
        _defaultSort = defaultSort;
        _tieBreaker = tieBreaker;
    }

    public SortMap<T> Add<TKey>(string name, Expression<Func<T, TKey>> key)
    {
        _fields[name] = key;
        return this;
    }

    /// <summary>Sorts an enum stored as text by its declared order (Low, Normal, High) rather than alphabetically.</summary>
    public SortMap<T> AddInDeclaredOrder<TEnum>(string name, Expression<Func<T, TEnum>> key)
        where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        Expression rank = Expression.Constant(values.Length);
        for (var i = values.Length - 1; i >= 0; i--)
        {
            rank = Expression.Condition(Expression.Equal(key.Body, Expression.Constant(values[i])), Expression.Constant(i), rank);
        }

        _fields[name] = Expression.Lambda<Func<T, int>>(rank, key.Parameters);
        return this;
    }

    public IQueryable<T> Apply(IQueryable<T> query, string? sort, ValidationErrors errors)
    {
        var ordered = false;
        foreach (var part in (string.IsNullOrWhiteSpace(sort) ? _defaultSort : sort).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var tokens = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var descending = tokens.Length > 1 && tokens[1].Equals("desc", StringComparison.OrdinalIgnoreCase);
            if (!_fields.TryGetValue(tokens[0], out var key) || tokens.Length > 2
                || (tokens.Length == 2 && !descending && !tokens[1].Equals("asc", StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add("sort", $"Cannot sort by '{part}'. Sortable fields: {string.Join(", ", _fields.Keys)} (optionally followed by asc or desc).");
                return query;
            }

            query = OrderBy(query, key, descending, ordered);
            ordered = true;
        }

        return OrderBy(query, _tieBreaker, descending: false, thenBy: ordered);
    }

    private static IQueryable<T> OrderBy(IQueryable<T> query, LambdaExpression key, bool descending, bool thenBy)
    {
        if (!key.ReturnType.IsValueType || Nullable.GetUnderlyingType(key.ReturnType) is not null)
        {
            var isNull = Expression.Lambda(Expression.Equal(key.Body, Expression.Constant(null, key.ReturnType)), key.Parameters);
            query = Order(query, isNull, descending: false, thenBy);
            thenBy = true;
        }

        return Order(query, key, descending, thenBy);
    }

    private static IQueryable<T> Order(IQueryable<T> query, LambdaExpression key, bool descending, bool thenBy)
    {
        var method = (thenBy, descending) switch
        {
            (false, false) => nameof(Queryable.OrderBy),
            (false, true) => nameof(Queryable.OrderByDescending),
            (true, false) => nameof(Queryable.ThenBy),
            (true, true) => nameof(Queryable.ThenByDescending),
        };
        var call = Expression.Call(typeof(Queryable), method, [typeof(T), key.ReturnType], query.Expression, Expression.Quote(key));
        return query.Provider.CreateQuery<T>(call);
    }
}
