using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Regentra.Framework.Data;
using Regentra.Framework.Errors;
using Regentra.Framework.Money;
using Regentra.Framework.MultiTenancy;
using Regentra.Framework.Validation;
using Regentra.Saas.Contracts;
using Regentra.Saas.Contracts.Settings;
using Regentra.Saas.Data;
using Regentra.Saas.Tenants;

namespace Regentra.Saas.Settings;

/// <summary>GET/PUT /api/saas/settings: the organisation's name, address and billing defaults.</summary>
internal static class SettingsEndpoints
{
    public static void Map(IEndpointRouteBuilder saas)
    {
        saas.MapGet("/settings", GetAsync).RequireAuthorization(SaasPermissions.Settings.Default)
            .WithSummary("The organisation's settings.");
        saas.MapPut("/settings", UpdateAsync).RequireAuthorization(SaasPermissions.Settings.Manage)
            .Validate<UpdateTenantSettingsRequest>()
            .WithSummary("Changes the organisation's settings. Send the concurrencyStamp you read; a stale one answers 409.");
    }

    private static async Task<Ok<TenantSettingsDto>> GetAsync(TenantSettingsProvider settings, CancellationToken cancellationToken) =>
        TypedResults.Ok(await settings.ReadAsync(cancellationToken));

    private static async Task<Ok<TenantSettingsDto>> UpdateAsync(
        UpdateTenantSettingsRequest request, ISaasDbContext db, ICurrentTenant currentTenant,
        TenantSettingsProvider provider, TenantStore tenants, CancellationToken cancellationToken)
    {
        var tenantId = currentTenant.Id!.Value;
        var settings = await db.TenantSettings.FirstOrDefaultAsync(cancellationToken)
            ?? throw new EntityNotFoundException("TenantSettings", tenantId);
        var tenant = await db.Tenants.FirstAsync(t => t.Id == tenantId, cancellationToken);

        db.ExpectConcurrencyStamp(settings, request.ConcurrencyStamp);
        tenant.Rename(request.OrganizationName!.Trim());
        settings.Update(
            string.IsNullOrWhiteSpace(request.Address) ? null : request.Address.Trim(),
            request.TimeZone!.Trim(),
            request.Currency!.Trim(),
            request.InvoicePrefix!.Trim(),
            request.PaymentTermsDays,
            request.TaxRatePercent,
            request.DefaultHourlyRate,
            request.AllowSelfApproval);
        await db.SaveChangesAsync(cancellationToken);

        provider.Invalidate(tenantId);
        tenants.Invalidate(tenantId);
        return TypedResults.Ok(await provider.ReadAsync(cancellationToken));
    }
}

internal sealed partial class UpdateTenantSettingsValidator : IValidator<UpdateTenantSettingsRequest>
{
    public void Validate(UpdateTenantSettingsRequest request, ValidationErrors errors)
    {
        errors.RequireText("organizationName", request.OrganizationName, 100);
        errors.RequireText("concurrencyStamp", request.ConcurrencyStamp, 40);
        errors.MaxLength("address", request.Address, 500);
        if (!TimeZones.IsValidIana(request.TimeZone))
        {
            errors.Add("timeZone", "Must be an IANA time zone such as Europe/London or America/New_York.");
        }

        if (!Currencies.IsKnown(request.Currency?.Trim()))
        {
            errors.Add("currency", "Must be an ISO 4217 currency code in capitals, such as USD, EUR or GBP.");
        }

        if (request.InvoicePrefix is null || !InvoicePrefix().IsMatch(request.InvoicePrefix.Trim()))
        {
            errors.Add("invoicePrefix", "Use 1 to 10 capital letters, digits or hyphens, such as INV.");
        }

        errors.Range("paymentTermsDays", request.PaymentTermsDays, 0, 365);
        if (errors.Range("taxRatePercent", request.TaxRatePercent, 0, 100) && decimal.Round(request.TaxRatePercent, 4) != request.TaxRatePercent)
        {
            errors.Add("taxRatePercent", "Use at most 4 decimal places.");
        }

        if (errors.Range("defaultHourlyRate", request.DefaultHourlyRate, 0, 1_000_000) && decimal.Round(request.DefaultHourlyRate, 2) != request.DefaultHourlyRate)
        {
            errors.Add("defaultHourlyRate", "Use at most 2 decimal places.");
        }
    }

    [GeneratedRegex("^[A-Z0-9-]{1,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex InvoicePrefix();
}
