using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Regentra.Framework.Errors;
using Regentra.Framework.MultiTenancy;

namespace Regentra.Framework.Users;

public sealed class CurrentUser(IHttpContextAccessor httpContextAccessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => httpContextAccessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public Guid? Id => Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public Guid? TenantId => Principal is { } p ? TenantResolutionMiddleware.ReadTenantId(p) : null;

    public string? Email => Principal?.FindFirstValue(ClaimTypes.Email);

    public string? Name => Principal?.FindFirstValue(RegentraClaimTypes.DisplayName);

    public Guid GetRequiredId() =>
        Id ?? throw new BusinessException(FrameworkErrorCodes.Unauthenticated, "Sign in to continue.", StatusCodes.Status401Unauthorized);
}
