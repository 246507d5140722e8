using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Regentra.Framework.Data;
using Regentra.Framework.Errors;
using Regentra.Framework.MultiTenancy;
using Regentra.Framework.Paging;
using Regentra.Framework.Validation;
using Regentra.Psa.Contracts;
using Regentra.Psa.Contracts.Tickets;
using Regentra.Psa.Data;
using Regentra.Saas.Contracts.Users;

namespace Regentra.Psa.Tickets;

/// <summary>/api/psa/tickets: numbered work items for clients, with their status lifecycle.</summary>
internal static partial class TicketEndpoints
{
    public static void Map(IEndpointRouteBuilder psa)
    {
        var tickets = psa.MapGroup("/tickets");
        tickets.MapGet("", ListAsync).RequireAuthorization(PsaPermissions.Tickets.Default)
            .WithSummary("Tickets. Filters: status and priority (comma-separated), clientId, assigneeId, text (number or title). Sort: number, title, priority, status, creationTime, lastModificationTime.");
        tickets.MapGet("/{id:guid}", GetAsync).RequireAuthorization(PsaPermissions.Tickets.Default)
            .WithSummary("A ticket with its allowed status changes and a summary of the time logged on it.");
        tickets.MapPost("", CreateAsync).RequireAuthorization(PsaPermissions.Tickets.Manage).Validate<CreateTicketRequest>()
            .WithSummary("Opens a ticket for an active client; it gets the next number of the organisation.");
        tickets.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(PsaPermissions.Tickets.Manage).Validate<UpdateTicketRequest>();
        tickets.MapPost("/{id:guid}/status", ChangeStatusAsync).RequireAuthorization(PsaPermissions.Tickets.Manage).Validate<ChangeTicketStatusRequest>()
            .WithSummary("Moves the ticket through its lifecycle (Open, InProgress, WaitingOnCustomer, Escalated, Resolved, Closed; reopening allowed).");
        AssigneeEndpoints.Map(psa);
    }

    internal sealed class ListTicketsQuery : PageRequest
    {
        public string? Status { get; init; }

        public string? Priority { get; init; }

        public Guid? ClientId { get; init; }

        public Guid? AssigneeId { get; init; }

        public string? Text { get; init; }
    }

    internal sealed class TicketRow
    {
        public required Ticket Ticket { get; init; }

        public required string ClientName { get; init; }
    }

    private static IQueryable<TicketRow> Rows(IPsaDbContext db) =>
        from t in db.Tickets.AsNoTracking()
        join c in db.Clients on t.ClientId equals c.Id
        select new TicketRow { Ticket = t, ClientName = c.Name };

    private static async Task<Ok<PagedResult<TicketDto>>> ListAsync(
        [AsParameters] ListTicketsQuery query, IPsaDbContext db, IUserDirectory users, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var statuses = EnumFilters.Parse<TicketStatus>(query.Status, errors, "status");
        var priorities = EnumFilters.Parse<TicketPriority>(query.Priority, errors, "priority");
        errors.ThrowIfAny();

        var rows = Rows(db);
        if (statuses.Count > 0)
        {
            rows = rows.Where(r => statuses.Contains(r.Ticket.Status));
        }

        if (priorities.Count > 0)
        {
            rows = rows.Where(r => priorities.Contains(r.Ticket.Priority));
        }

        if (query.ClientId is { } clientId)
        {
            rows = rows.Where(r => r.Ticket.ClientId == clientId);
        }

        if (query.AssigneeId is { } assigneeId)
        {
            rows = rows.Where(r => r.Ticket.AssigneeId == assigneeId);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            var term = text.ToLowerInvariant();
            var number = NumberPattern().Match(text) is { Success: true } m && int.TryParse(m.Groups[1].Value, out var n) ? n : -1;
            rows = rows.Where(r => r.Ticket.Number == number || r.Ticket.Title.ToLower().Contains(term));
        }

        // Priority and status are stored as text: sort them in their declared (lifecycle) order, not alphabetically.
        var sorts = new SortMap<TicketRow>("number desc", r => r.Ticket.Id)
            .Add("number", r => r.Ticket.Number).Add("title", r => r.Ticket.Title)
            .AddInDeclaredOrder("priority", r => r.Ticket.Priority).AddInDeclaredOrder("status", r => r.Ticket.Status)
            .Add("creationTime", r => r.Ticket.CreationTime)
            .Add("lastModificationTime", r => r.Ticket.LastModificationTime);
        var page = await rows.ToPagedResultAsync(query, sorts, r => r, cancellationToken);

        var names = await users.GetManyAsync(page.Items.Where(r => r.Ticket.AssigneeId is not null).Select(r => r.Ticket.AssigneeId!.Value).ToHashSet(), cancellationToken);
        return TypedResults.Ok(new PagedResult<TicketDto>(page.Items.Select(r => new TicketDto(
            r.Ticket.Id, Ticket.Format(r.Ticket.Number), r.Ticket.ClientId, r.ClientName, r.Ticket.Title, r.Ticket.Priority, r.Ticket.Status,
            r.Ticket.AssigneeId, NameOf(names, r.Ticket.AssigneeId), r.Ticket.CreationTime, r.Ticket.LastModificationTime)).ToList(), page.TotalCount));
    }

    private static async Task<Ok<TicketDetailDto>> GetAsync(Guid id, IPsaDbContext db, IUserDirectory users, CancellationToken cancellationToken)
    {
        var row = await Rows(db).FirstOrDefaultAsync(r => r.Ticket.Id == id, cancellationToken) ?? throw new EntityNotFoundException("Ticket", id);
        var time = await db.TimeEntries.Where(e => e.TicketId == id)
            .GroupBy(e => e.Status)
            .Select(g => new { Status = g.Key, Minutes = g.Sum(e => e.DurationMinutes), Billable = g.Sum(e => e.Billable ? e.DurationMinutes : 0) })
            .ToListAsync(cancellationToken);
        var names = await users.GetManyAsync(row.Ticket.AssigneeId is { } a ? [a] : [], cancellationToken);
        var t = row.Ticket;
        return TypedResults.Ok(new TicketDetailDto(
            t.Id, Ticket.Format(t.Number), t.ClientId, row.ClientName, t.Title, t.Description, t.Priority, t.Status, Ticket.TransitionsFrom(t.Status),
            t.AssigneeId, NameOf(names, t.AssigneeId), t.CreationTime, t.ResolvedAt, t.ClosedAt,
            new TicketTimeSummary(time.Sum(x => x.Minutes), time.Sum(x => x.Billable), time.ToDictionary(x => x.Status.ToString(), x => x.Minutes)),
            t.ConcurrencyStamp));
    }

    private static async Task<Created<TicketDetailDto>> CreateAsync(
        CreateTicketRequest request, IPsaDbContext db, TicketNumbers numbers, ICurrentTenant tenant, IUserDirectory users, CancellationToken cancellationToken)
    {
        await RequireUsableClientAsync(db, request.ClientId!.Value, cancellationToken);
        await RequireActiveAssigneeAsync(users, request.AssigneeId, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var number = await numbers.NextAsync(tenant.Id!.Value, cancellationToken);
        var ticket = new Ticket(number, request.ClientId.Value, request.Title!.Trim(), Blank(request.Description),
            request.Priority ?? TicketPriority.Normal, request.AssigneeId);
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var detail = await GetAsync(ticket.Id, db, users, cancellationToken);
        return TypedResults.Created($"/api/psa/tickets/{ticket.Id}", detail.Value!);
    }

    private static async Task<Ok<TicketDetailDto>> UpdateAsync(
        Guid id, UpdateTicketRequest request, IPsaDbContext db, IUserDirectory users, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw new EntityNotFoundException("Ticket", id);
        var clientId = request.ClientId!.Value;
        if (clientId != ticket.ClientId)
        {
            await RequireUsableClientAsync(db, clientId, cancellationToken);
            if (await db.TimeEntries.AnyAsync(e => e.TicketId == id, cancellationToken))
            {
                throw new BusinessException(PsaErrorCodes.TicketClientLocked,
                    "Time has been logged on this ticket for its client, so the client can no longer change. Open a new ticket instead.");
            }
        }

        if (request.AssigneeId != ticket.AssigneeId)
        {
            await RequireActiveAssigneeAsync(users, request.AssigneeId, cancellationToken);
        }

        db.ExpectConcurrencyStamp(ticket, request.ConcurrencyStamp);
        ticket.Update(clientId, request.Title!.Trim(), Blank(request.Description), request.Priority ?? ticket.Priority, request.AssigneeId);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, db, users, cancellationToken);
    }

    private static async Task<Ok<TicketDetailDto>> ChangeStatusAsync(
        Guid id, ChangeTicketStatusRequest request, IPsaDbContext db, IUserDirectory users, TimeProvider clock, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw new EntityNotFoundException("Ticket", id);
        db.ExpectConcurrencyStamp(ticket, request.ConcurrencyStamp);
        ticket.ChangeStatus(request.Status!.Value, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, db, users, cancellationToken);
    }

    private static async Task RequireUsableClientAsync(IPsaDbContext db, Guid clientId, CancellationToken cancellationToken)
    {
        var client = await db.Clients.Where(c => c.Id == clientId).Select(c => new { c.IsActive }).FirstOrDefaultAsync(cancellationToken);
        if (client is null)
        {
            throw ValidationException.For("clientId", "No such client.");
        }

        if (!client.IsActive)
        {
            throw BusinessException.ForField(PsaErrorCodes.ClientInactive, "clientId", "This client is inactive. Reactivate it to open tickets.");
        }
    }

    private static async Task RequireActiveAssigneeAsync(IUserDirectory users, Guid? assigneeId, CancellationToken cancellationToken)
    {
        if (assigneeId is { } id && !((await users.GetManyAsync([id], cancellationToken)).TryGetValue(id, out var user) && user.IsActive))
        {
            throw ValidationException.For("assigneeId", "The assignee must be an active member of your organisation.");
        }
    }

    private static string? NameOf(IReadOnlyDictionary<Guid, UserSummary> names, Guid? id) =>
        id is { } key && names.TryGetValue(key, out var user) ? user.Name : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^(?:T-?)?0*(\d{1,9})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}

internal static class TicketRules
{
    public static void Check(ValidationErrors errors, Guid? clientId, string? title, string? description, TicketPriority? priority)
    {
        if (clientId is null)
        {
            errors.Add("clientId", "This field is required.");
        }

        errors.RequireText("title", title, 200);
        errors.MaxLength("description", description, 8000);
        if (priority is { } p && !Enum.IsDefined(p))
        {
            errors.Add("priority", $"Use {string.Join(", ", Enum.GetNames<TicketPriority>())}.");
        }
    }
}

internal sealed class CreateTicketValidator : IValidator<CreateTicketRequest>
{
    public void Validate(CreateTicketRequest r, ValidationErrors errors) => TicketRules.Check(errors, r.ClientId, r.Title, r.Description, r.Priority);
}

internal sealed class UpdateTicketValidator : IValidator<UpdateTicketRequest>
{
    public void Validate(UpdateTicketRequest r, ValidationErrors errors)
    {
        TicketRules.Check(errors, r.ClientId, r.Title, r.Description, r.Priority);
        errors.RequireText("concurrencyStamp", r.ConcurrencyStamp, 40);
    }
}

internal sealed class ChangeTicketStatusValidator : IValidator<ChangeTicketStatusRequest>
{
    public void Validate(ChangeTicketStatusRequest r, ValidationErrors errors)
    {
        if (r.Status is not { } status || !Enum.IsDefined(status))
        {
            errors.Add("status", $"Use {string.Join(", ", Enum.GetNames<TicketStatus>())}.");
        }
    }
}
