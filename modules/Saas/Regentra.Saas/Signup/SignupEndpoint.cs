using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Regentra.Framework.Validation;
using Regentra.Saas.Contracts.Account;
using Regentra.Saas.Contracts.Tenants;

namespace Regentra.Saas.Signup;

/// <summary>POST /api/saas/signup: an MSP creates its organisation and admin account.</summary>
internal static class SignupEndpoint
{
    public static void Map(IEndpointRouteBuilder saas) =>
        saas.MapPost("/signup", HandleAsync).AllowAnonymous()
            .RequireRateLimiting(SaasModule.AnonymousRateLimit)
            .Validate<SignupRequest>()
            .WithSummary("Creates an organisation with its admin user, standard roles and default settings.");

    private static async Task<Created<TenantDto>> HandleAsync(SignupRequest request, TenantProvisioner provisioner, CancellationToken cancellationToken)
    {
        var tenant = await provisioner.SignUpAsync(request, cancellationToken);
        var dto = new TenantDto(tenant.Id, tenant.Name, tenant.Slug, tenant.IsActive, tenant.CreationTime, null, null, 1);
        return TypedResults.Created($"/api/saas/tenants/{tenant.Id}", dto);
    }
}
