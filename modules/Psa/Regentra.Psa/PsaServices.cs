using Microsoft.AspNetCore.Http;
using Regentra.Framework.Permissions;
using Regentra.Framework.Users;
using Regentra.Saas.Contracts.Settings;
using Regentra.Saas.Contracts.Users;

namespace Regentra.Psa;

/// <summary>The signed-in user as PSA handlers need them: id and permission checks.</summary>
internal sealed class Caller(ICurrentUser user, IHttpContextAccessor http, IPermissionChecker permissions)
{
    public Guid Id => user.GetRequiredId();

    public Task<bool> HasAsync(string permission, CancellationToken cancellationToken) =>
        permissions.IsGrantedAsync(http.HttpContext!.User, permission, cancellationToken);
}

/// <summary>Dates as the organisation sees them: "today" and work dates follow the tenant's time zone.</summary>
internal sealed class TenantCalendar(ITenantSettingsProvider settings, TimeProvider clock)
{
    public async Task<DateOnly> TodayAsync(CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById((await settings.GetAsync(cancellationToken)).TimeZone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }
}

/// <summary>
/// Whether a reviewer may review their own time: when the organisation allows it, and always when they are its
/// only active member (otherwise a one-person MSP could never bill).
/// </summary>
internal sealed class SelfReviewPolicy(ITenantSettingsProvider settings, IUserDirectory users)
{
    public async Task<bool> IsAllowedAsync(CancellationToken cancellationToken) =>
        (await settings.GetAsync(cancellationToken)).AllowSelfApproval || await users.CountActiveAsync(cancellationToken) == 1;
}
