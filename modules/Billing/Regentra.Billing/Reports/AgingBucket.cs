namespace Regentra.Billing.Reports;

/// <summary>Where an amount due falls by the days since its due date (the due date itself is still current).</summary>
internal enum AgingBucket
{
    Current,
    Days1To30,
    Days31To60,
    Days61To90,
    Over90,
}

internal static class AgingBuckets
{
    public static AgingBucket For(DateOnly dueDate, DateOnly asOf) => (asOf.DayNumber - dueDate.DayNumber) switch
    {
        <= 0 => AgingBucket.Current,
        <= 30 => AgingBucket.Days1To30,
        <= 60 => AgingBucket.Days31To60,
        <= 90 => AgingBucket.Days61To90,
        _ => AgingBucket.Over90,
    };
}
