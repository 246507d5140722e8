using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Regentra.Billing.Contracts;
using Regentra.Billing.Contracts.Agreements;
using Regentra.Billing.Data;
using Regentra.Framework.Data;
using Regentra.Framework.Errors;
using Regentra.Framework.Validation;
using Regentra.Psa.Contracts.Billing;
using Regentra.Saas.Contracts.Settings;
using Regentra.Saas.Contracts.Tenants;

namespace Regentra.Billing.Agreements;

/// <summary>/api/billing/clients/{clientId}/agreement(s): a client's service agreement and its history.</summary>
internal static class AgreementEndpoints
{
    public static void Map(IEndpointRouteBuilder billing)
    {
        var client = billing.MapGroup("/clients/{clientId:guid}");
        client.MapGet("/agreement", GetCurrentAsync).RequireAuthorization(BillingPermissions.Agreements.Default)
            .WithSummary("The agreement in effect today; none means time bills hourly at the organisation's default rate.");
        client.MapGet("/agreements", HistoryAsync).RequireAuthorization(BillingPermissions.Agreements.Default)
            .WithSummary("Every agreement of the client, newest first.");
        client.MapPut("/agreement", PutAsync).RequireAuthorization(BillingPermissions.Agreements.Manage).Validate<PutAgreementRequest>()
            .WithSummary("Sets the agreement from effectiveFrom on: the same start date edits it, a later one ends the current agreement then, and overlaps are refused.");
    }

    private static async Task<Ok<CurrentAgreementDto>> GetCurrentAsync(
        Guid clientId, IBillingDbContext db, IClientDirectory clients, ITenantClock clock, ITenantSettingsProvider settings, CancellationToken cancellationToken)
    {
        var client = await clients.FindAsync(clientId, cancellationToken) ?? throw new EntityNotFoundException("Client", clientId);
        var today = await clock.TodayAsync(cancellationToken);
        var current = await db.Agreements.AsNoTracking()
            .Where(a => a.ClientId == clientId && a.EffectiveFrom <= today && (a.EffectiveTo == null || a.EffectiveTo > today))
            .FirstOrDefaultAsync(cancellationToken);
        var tenantSettings = await settings.GetAsync(cancellationToken);
        return TypedResults.Ok(new CurrentAgreementDto(current is null ? null : ToDto(current), tenantSettings.DefaultHourlyRate, client.Currency));
    }

    private static async Task<Ok<IReadOnlyList<AgreementDto>>> HistoryAsync(Guid clientId, IBillingDbContext db, IClientDirectory clients, CancellationToken cancellationToken)
    {
        _ = await clients.FindAsync(clientId, cancellationToken) ?? throw new EntityNotFoundException("Client", clientId);
        var agreements = await db.Agreements.AsNoTracking().Where(a => a.ClientId == clientId)
            .OrderByDescending(a => a.EffectiveFrom).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AgreementDto>>(agreements.Select(ToDto).ToList());
    }

    private static async Task<Ok<AgreementDto>> PutAsync(
        Guid clientId, PutAgreementRequest request, IBillingDbContext db, IClientDirectory clients, CancellationToken cancellationToken)
    {
        var client = await clients.FindAsync(clientId, cancellationToken) ?? throw new EntityNotFoundException("Client", clientId);
        var spec = new AgreementSpec(request.Type!.Value, request.EffectiveFrom!.Value, request.EffectiveTo, request.HourlyRate, request.MonthlyFee,
            string.IsNullOrWhiteSpace(request.Scope) ? null : request.Scope.Trim(), request.IncludedHours, request.OverageRate, request.Rollover,
            request.Rounding is { IncrementMinutes: 0, MinimumMinutes: 0 } ? null : request.Rounding, request.AutoInvoice, request.AutoSend);

        var agreements = await db.Agreements.Where(a => a.ClientId == clientId).OrderBy(a => a.EffectiveFrom).ToListAsync(cancellationToken);
        var same = agreements.FirstOrDefault(a => a.EffectiveFrom == spec.EffectiveFrom);
        var previous = agreements.LastOrDefault(a => a.EffectiveFrom < spec.EffectiveFrom);
        var next = agreements.FirstOrDefault(a => a.EffectiveFrom > spec.EffectiveFrom);
        if (next is not null && (spec.EffectiveTo is null || spec.EffectiveTo > next.EffectiveFrom))
        {
            throw BusinessException.ForField(BillingErrorCodes.AgreementOverlap, "effectiveTo",
                $"Another agreement starts on {next.EffectiveFrom:yyyy-MM-dd}; end this one on that day at the latest.");
        }

        // The agreement running when the new one starts ends that day (agreements never overlap).
        if (previous is not null && (previous.EffectiveTo is null || previous.EffectiveTo > spec.EffectiveFrom))
        {
            previous.EndOn(spec.EffectiveFrom);
        }

        var agreement = same;
        if (agreement is null)
        {
            agreement = new Agreement(clientId, client.Currency, spec);
            db.Agreements.Add(agreement);
        }
        else
        {
            db.ExpectConcurrencyStamp(agreement, request.ConcurrencyStamp);
            agreement.Set(spec);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToDto(agreement));
    }

    public static AgreementDto ToDto(Agreement a) => new(
        a.Id, a.ClientId, a.Type, a.EffectiveFrom, a.EffectiveTo, a.Currency, a.HourlyRate, a.MonthlyFee, a.Scope, a.IncludedHours,
        a.OverageRate, a.Rollover, a.Rounding, a.AutoInvoice, a.AutoSend, a.CreationTime, a.ConcurrencyStamp);
}

internal sealed class PutAgreementValidator : IValidator<PutAgreementRequest>
{
    public void Validate(PutAgreementRequest r, ValidationErrors errors)
    {
        if (r.Type is not { } type || !Enum.IsDefined(type))
        {
            errors.Add("type", "Use Hourly, MonthlyRecurring or BlockHours.");
            return;
        }

        if (r.EffectiveFrom is null)
        {
            errors.Add("effectiveFrom", "This field is required.");
        }
        else if (r.EffectiveTo is { } to && to <= r.EffectiveFrom)
        {
            errors.Add("effectiveTo", "Must be after effectiveFrom (the agreement covers effectiveFrom ≤ day < effectiveTo).");
        }

        switch (type)
        {
            case AgreementType.Hourly:
                Money(errors, "hourlyRate", r.HourlyRate, required: true);
                break;
            case AgreementType.MonthlyRecurring:
                Money(errors, "monthlyFee", r.MonthlyFee, required: true);
                errors.MaxLength("scope", r.Scope, 1000);
                break;
            case AgreementType.BlockHours:
                Money(errors, "monthlyFee", r.MonthlyFee, required: true);
                Money(errors, "overageRate", r.OverageRate, required: true);
                if (r.IncludedHours is not { } hours || hours <= 0 || hours > 10_000 || decimal.Round(hours, 2) != hours)
                {
                    errors.Add("includedHours", "Must be more than 0 and at most 10,000 hours, with at most 2 decimals.");
                }

                errors.MaxLength("scope", r.Scope, 1000);
                break;
        }

        if (r.Rounding is { } rounding)
        {
            if (rounding.IncrementMinutes is < 0 or > 240)
            {
                errors.Add("rounding.incrementMinutes", "Must be between 0 (no rounding) and 240.");
            }

            if (rounding.MinimumMinutes is < 0 or > 1440)
            {
                errors.Add("rounding.minimumMinutes", "Must be between 0 (no minimum) and 1440.");
            }
        }

        if (r.AutoSend && !r.AutoInvoice)
        {
            errors.Add("autoSend", "Sending automatically needs autoInvoice too.");
        }
    }

    private static void Money(ValidationErrors errors, string field, decimal? value, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(field, "This field is required for this type of agreement.");
            }

            return;
        }

        if (value < 0 || value > 10_000_000 || decimal.Round(value.Value, 4) != value)
        {
            errors.Add(field, "Must be between 0 and 10,000,000 with at most 4 decimals.");
        }
    }
}
