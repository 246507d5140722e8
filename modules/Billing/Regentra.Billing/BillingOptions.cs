namespace Regentra.Billing;

internal sealed class BillingOptions
{
    public const string Section = "Billing";

    /// <summary>
    /// A month-end run that has recorded no client for this long is considered dead (its host stopped): the hourly
    /// scheduler, or starting the month by hand, resumes it where it stopped.
    /// </summary>
    public double StaleRunMinutes { get; set; } = 15;

    public TimeSpan StaleAfter => TimeSpan.FromMinutes(StaleRunMinutes);

    /// <summary>When the month-end scheduler looks for closed months (Hangfire cron, UTC). Hourly by default, so every time
    /// zone's month end is picked up within the hour.</summary>
    public string SchedulerCron { get; set; } = "0 * * * *";
}
