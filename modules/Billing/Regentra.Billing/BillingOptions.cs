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

    /// <summary>
    /// How long a started delivery of an invoice email holds it. Longer than any SMTP hand-over takes; a host that dies
    /// mid-delivery delays that email's next try by this much.
    /// </summary>
    public double EmailLeaseSeconds { get; set; } = 600;

    public TimeSpan EmailLease => TimeSpan.FromSeconds(EmailLeaseSeconds);

    /// <summary>When the invoice email outbox looks for emails to deliver or retry (Hangfire cron, UTC; six fields for seconds). Every minute by default.</summary>
    public string EmailOutboxCron { get; set; } = "* * * * *";
}
