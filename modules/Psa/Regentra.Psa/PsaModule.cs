using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Regentra.Framework;
using Regentra.Psa.Billing;
using Regentra.Psa.Clients;
using Regentra.Psa.Contracts;
using Regentra.Psa.Contracts.Billing;
using Regentra.Psa.Data;
using Regentra.Psa.Reports;
using Regentra.Psa.Tickets;
using Regentra.Psa.TimeEntries;

namespace Regentra.Psa;

/// <summary>The PSA module: clients, tickets, time entries with their approval workflow, and utilisation reports.</summary>
public static class PsaModule
{
    public static IServiceCollection AddPsaModule<TDbContext>(this IServiceCollection services, IConfiguration configuration)
        where TDbContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!typeof(IPsaDbContext).IsAssignableFrom(typeof(TDbContext)))
        {
            throw new InvalidOperationException($"{typeof(TDbContext).Name} must implement the Psa module's DbContext interface.");
        }

        services.AddScoped(sp => (IPsaDbContext)sp.GetRequiredService<TDbContext>());
        services.AddPermissionDefinitions<PsaPermissionDefinitionProvider>();
        services.AddValidatorsFrom(typeof(PsaModule).Assembly);

        services.AddScoped<Caller>();
        services.AddScoped<TenantCalendar>();
        services.AddScoped<SelfReviewPolicy>();
        services.AddScoped<TicketNumbers>();
        services.AddScoped<TimeEntryDrafting>();
        services.AddScoped<TimeEntryReader>();
        services.AddScoped<WorkflowRunner>();
        services.AddScoped<TimesheetSaver>();

        services.AddScoped<IBillableTimeSource, BillableTimeSource>();
        services.AddScoped<IClientDirectory, ClientDirectory>();
        return services;
    }

    public static IEndpointRouteBuilder MapPsaModule(this IEndpointRouteBuilder app)
    {
        var psa = app.MapGroup("/api/psa").WithTags("Psa");
        ClientEndpoints.Map(psa);
        TicketEndpoints.Map(psa);

        var entries = psa.MapGroup("/time-entries");
        LogTimeEntryEndpoints.Map(entries);
        TimesheetEndpoints.Map(entries);
        EditTimeEntryEndpoints.Map(entries);
        WorkflowEndpoints.Map(entries);
        ListTimeEntryEndpoints.Map(entries, psa);

        ReportEndpoints.Map(psa);
        return app;
    }
}
