namespace Regentra.Saas.Contracts.Tenants;

/// <summary>Integration service: dates as the current organisation sees them (its IANA time zone).</summary>
public interface ITenantClock
{
    Task<TimeZoneInfo> TimeZoneAsync(CancellationToken cancellationToken = default);

    /// <summary>Today's date in the organisation's time zone.</summary>
    Task<DateOnly> TodayAsync(CancellationToken cancellationToken = default);
}

/// <summary>An active organisation, for host-side jobs that fan out per tenant.</summary>
public sealed record ActiveTenant(Guid Id, string Name, string TimeZone, DateTime CreationTime);

/// <summary>Integration service (host side): the active organisations, with what scheduling needs.</summary>
public interface ITenantDirectory
{
    Task<IReadOnlyList<ActiveTenant>> GetActiveAsync(CancellationToken cancellationToken = default);
}
