namespace Regentra.Framework.Data;

public static class ConcurrencyExtensions
{
    /// <summary>
    /// Makes the next SaveChanges succeed only if the row still carries <paramref name="expectedStamp"/>
    /// (the version the client read). A stale stamp surfaces as 409.
    /// </summary>
    public static void ExpectConcurrencyStamp<TEntity>(this IRegentraDbContext db, TEntity entity, string? expectedStamp)
        where TEntity : class, IHasConcurrencyStamp
    {
        if (!string.IsNullOrEmpty(expectedStamp))
        {
            db.Entry(entity).Property(nameof(IHasConcurrencyStamp.ConcurrencyStamp)).OriginalValue = expectedStamp;
        }
    }
}
