using System.Linq.Expressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Regentra.Framework.Data;
using Regentra.Framework.Errors;
using Regentra.Framework.Money;
using Regentra.Framework.Paging;
using Regentra.Framework.Validation;
using Regentra.Psa.Contracts;
using Regentra.Psa.Contracts.Clients;
using Regentra.Psa.Data;
using Regentra.Saas.Contracts.Settings;

namespace Regentra.Psa.Clients;

/// <summary>/api/psa/clients: the MSP's customers.</summary>
internal static class ClientEndpoints
{
    private static readonly Expression<Func<Client, ClientDto>> ToDto = c =>
        new ClientDto(c.Id, c.Name, c.BillingEmail, c.Address, c.Currency, c.Notes, c.BillableByDefault, c.IsActive, c.CreationTime, c.ConcurrencyStamp);

    private static readonly Func<Client, ClientDto> ToDtoInMemory = ToDto.Compile();

    public static void Map(IEndpointRouteBuilder psa)
    {
        var clients = psa.MapGroup("/clients");
        clients.MapGet("", ListAsync).RequireAuthorization(PsaPermissions.Clients.Default)
            .WithSummary("Clients, searchable by name; filter isActive; sort by name or creationTime.");
        clients.MapGet("/{id:guid}", GetAsync).RequireAuthorization(PsaPermissions.Clients.Default);
        clients.MapPost("", CreateAsync).RequireAuthorization(PsaPermissions.Clients.Manage).Validate<CreateClientRequest>()
            .WithSummary("Adds a client. The currency defaults to the organisation's; its time is billable by default unless billableByDefault is false.");
        clients.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(PsaPermissions.Clients.Manage).Validate<UpdateClientRequest>();
        clients.MapPost("/{id:guid}/deactivate", (Guid id, IPsaDbContext db, CancellationToken ct) => SetActiveAsync(id, false, db, ct))
            .RequireAuthorization(PsaPermissions.Clients.Manage).WithSummary("Hides the client from new tickets and time; history stays.");
        clients.MapPost("/{id:guid}/reactivate", (Guid id, IPsaDbContext db, CancellationToken ct) => SetActiveAsync(id, true, db, ct))
            .RequireAuthorization(PsaPermissions.Clients.Manage);
        clients.MapDelete("/{id:guid}", DeleteAsync).RequireAuthorization(PsaPermissions.Clients.Manage)
            .WithSummary("Deletes a client that has no tickets and no time; otherwise deactivate it.");
    }

    internal sealed class ListClientsQuery : PageRequest
    {
        public string? Search { get; init; }

        public bool? IsActive { get; init; }
    }

    private static async Task<Ok<PagedResult<ClientDto>>> ListAsync([AsParameters] ListClientsQuery query, IPsaDbContext db, CancellationToken cancellationToken)
    {
        var clients = db.Clients.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToUpperInvariant();
            clients = clients.Where(c => c.NormalizedName.Contains(term));
        }

        if (query.IsActive is { } active)
        {
            clients = clients.Where(c => c.IsActive == active);
        }

        var sorts = new SortMap<Client>("name", c => c.Id).Add("name", c => c.NormalizedName).Add("creationTime", c => c.CreationTime);
        return TypedResults.Ok(await clients.ToPagedResultAsync(query, sorts, ToDto, cancellationToken));
    }

    private static async Task<Ok<ClientDto>> GetAsync(Guid id, IPsaDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Clients.AsNoTracking().Where(c => c.Id == id).Select(ToDto).FirstOrDefaultAsync(cancellationToken)
            ?? throw new EntityNotFoundException("Client", id));

    private static async Task<Created<ClientDto>> CreateAsync(
        CreateClientRequest request, IPsaDbContext db, ITenantSettingsProvider settings, CancellationToken cancellationToken)
    {
        var currency = request.Currency?.Trim() is { Length: > 0 } given ? given : (await settings.GetAsync(cancellationToken)).Currency;
        var client = new Client(request.Name!, request.BillingEmail, request.Address, currency, request.Notes, request.BillableByDefault ?? true);
        await RequireUniqueNameAsync(db, client.NormalizedName, null, cancellationToken);
        db.Clients.Add(client);
        await SaveAsync(db, client.Name, cancellationToken);
        return TypedResults.Created($"/api/psa/clients/{client.Id}", ToDtoInMemory(client));
    }

    private static async Task<Ok<ClientDto>> UpdateAsync(Guid id, UpdateClientRequest request, IPsaDbContext db, CancellationToken cancellationToken)
    {
        var client = await db.Clients.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new EntityNotFoundException("Client", id);
        await RequireUniqueNameAsync(db, Client.Normalize(request.Name!), id, cancellationToken);
        db.ExpectConcurrencyStamp(client, request.ConcurrencyStamp);
        client.Update(request.Name!, request.BillingEmail, request.Address, request.Currency!.Trim(), request.Notes,
            request.BillableByDefault ?? client.BillableByDefault);
        await SaveAsync(db, client.Name, cancellationToken);
        return await GetAsync(id, db, cancellationToken);
    }

    private static async Task<Ok<ClientDto>> SetActiveAsync(Guid id, bool active, IPsaDbContext db, CancellationToken cancellationToken)
    {
        var client = await db.Clients.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new EntityNotFoundException("Client", id);
        if (active)
        {
            client.Reactivate();
        }
        else
        {
            client.Deactivate();
        }

        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, db, cancellationToken);
    }

    private static async Task<NoContent> DeleteAsync(Guid id, IPsaDbContext db, CancellationToken cancellationToken)
    {
        var client = await db.Clients.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new EntityNotFoundException("Client", id);
        if (await db.Tickets.AnyAsync(t => t.ClientId == id, cancellationToken) || await db.TimeEntries.AnyAsync(e => e.ClientId == id, cancellationToken))
        {
            throw new BusinessException(PsaErrorCodes.ClientInUse,
                $"{client.Name} has tickets or time and cannot be deleted; deactivate it instead to keep its history.");
        }

        db.Clients.Remove(client);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task RequireUniqueNameAsync(IPsaDbContext db, string normalizedName, Guid? except, CancellationToken cancellationToken)
    {
        if (await db.Clients.AnyAsync(c => c.NormalizedName == normalizedName && c.Id != except, cancellationToken))
        {
            throw NameTaken();
        }
    }

    // The unique index also catches a name taken by a simultaneous request.
    private static async Task SaveAsync(IPsaDbContext db, string name, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueConstraintViolation())
        {
            throw NameTaken();
        }
    }

    private static BusinessException NameTaken() =>
        BusinessException.ForField(PsaErrorCodes.ClientNameTaken, "name", "Another client already has this name.");

}

internal static class ClientRules
{
    public static void Check(ValidationErrors errors, string? name, string? billingEmail, string? address, string? currency, string? notes, bool currencyRequired)
    {
        errors.RequireText("name", name, 200);
        if (!string.IsNullOrWhiteSpace(billingEmail))
        {
            errors.RequireEmail("billingEmail", billingEmail);
        }

        errors.MaxLength("address", address, 500);
        errors.MaxLength("notes", notes, 4000);
        if ((currencyRequired || !string.IsNullOrWhiteSpace(currency)) && !Currencies.IsKnown(currency?.Trim()))
        {
            errors.Add("currency", "Must be an ISO 4217 currency code in capitals, such as USD, EUR or GBP.");
        }
    }
}

internal sealed class CreateClientValidator : IValidator<CreateClientRequest>
{
    public void Validate(CreateClientRequest r, ValidationErrors errors) =>
        ClientRules.Check(errors, r.Name, r.BillingEmail, r.Address, r.Currency, r.Notes, currencyRequired: false);
}

internal sealed class UpdateClientValidator : IValidator<UpdateClientRequest>
{
    public void Validate(UpdateClientRequest r, ValidationErrors errors)
    {
        ClientRules.Check(errors, r.Name, r.BillingEmail, r.Address, r.Currency, r.Notes, currencyRequired: true);
        errors.RequireText("concurrencyStamp", r.ConcurrencyStamp, 40);
    }
}
