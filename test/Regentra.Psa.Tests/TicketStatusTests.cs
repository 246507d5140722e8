using Regentra.Psa.Contracts;
using Regentra.Psa.Contracts.Tickets;

namespace Regentra.Psa.Tests;

/// <summary>POST /api/psa/tickets/{id}/status: the lifecycle table and the resolved/closed timestamps.</summary>
public sealed class TicketStatusTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private const TicketStatus Open = TicketStatus.Open;
    private const TicketStatus InProgress = TicketStatus.InProgress;
    private const TicketStatus Waiting = TicketStatus.WaitingOnCustomer;
    private const TicketStatus Escalated = TicketStatus.Escalated;
    private const TicketStatus Resolved = TicketStatus.Resolved;
    private const TicketStatus Closed = TicketStatus.Closed;

    /// <summary>The lifecycle as the product page describes it: active states move freely, Resolved and Closed reopen.</summary>
    private static readonly Dictionary<TicketStatus, TicketStatus[]> Allowed = new()
    {
        [Open] = [InProgress, Waiting, Escalated, Resolved, Closed],
        [InProgress] = [Waiting, Escalated, Resolved],
        [Waiting] = [InProgress, Escalated, Resolved],
        [Escalated] = [InProgress, Waiting, Resolved],
        [Resolved] = [Closed, Open, InProgress],
        [Closed] = [Open],
    };

    public static TheoryData<TicketStatus, TicketStatus, bool> Transitions()
    {
        var data = new TheoryData<TicketStatus, TicketStatus, bool>();
        foreach (var from in Enum.GetValues<TicketStatus>())
        {
            foreach (var to in Enum.GetValues<TicketStatus>().Where(to => to != from))
            {
                data.Add(from, to, Allowed[from].Contains(to));
            }
        }

        return data;
    }

    private async Task<(TenantSession Admin, TicketDetailDto Ticket)> TicketInAsync(TicketStatus status)
    {
        var admin = await app.SignUpAsync();
        var ticket = await admin.CreateTicketAsync((await admin.CreateClientAsync()).Id);
        return (admin, status == Open ? ticket : await admin.MoveTicketAsync(ticket.Id, status));
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public async Task A_ticket_moves_exactly_along_the_allowed_transitions(TicketStatus from, TicketStatus to, bool allowed)
    {
        var (admin, ticket) = await TicketInAsync(from);

        var response = await admin.ChangeTicketStatusAsync(ticket.Id, to, ticket.ConcurrencyStamp);

        if (allowed)
        {
            var moved = await response.ReadAsync<TicketDetailDto>();
            moved.Status.ShouldBe(to);
            moved.AllowedTransitions.ShouldBe(Allowed[to], ignoreOrder: true);
        }
        else
        {
            (await response.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(PsaErrorCodes.TicketTransitionNotAllowed);
        }

        var stored = await admin.Client.GetAsync<TicketDetailDto>($"/api/psa/tickets/{ticket.Id}");
        stored.Status.ShouldBe(allowed ? to : from);
    }

    [Fact]
    public async Task Setting_the_status_a_ticket_already_has_changes_nothing()
    {
        var (admin, ticket) = await TicketInAsync(InProgress);

        var same = await (await admin.ChangeTicketStatusAsync(ticket.Id, InProgress)).ReadAsync<TicketDetailDto>();

        same.ShouldBeEquivalentTo(ticket);
    }

    [Fact]
    public async Task Resolving_and_closing_stamp_the_times_and_reopening_clears_them()
    {
        var (admin, ticket) = await TicketInAsync(InProgress);
        var resolvedAt = app.Clock.GetUtcNow().UtcDateTime;

        var resolved = await admin.MoveTicketAsync(ticket.Id, Resolved);
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        var closed = await admin.MoveTicketAsync(ticket.Id, Closed);
        var reopened = await admin.MoveTicketAsync(ticket.Id, Open);

        (resolved.ResolvedAt, resolved.ClosedAt).ShouldBe((resolvedAt, null));
        (closed.ResolvedAt, closed.ClosedAt).ShouldBe((resolvedAt, resolvedAt.AddMinutes(20)));
        (reopened.ResolvedAt, reopened.ClosedAt).ShouldBe((null, null));
    }

    [Fact]
    public async Task Closing_an_open_ticket_directly_also_marks_it_resolved()
    {
        var (admin, ticket) = await TicketInAsync(Open);
        var now = app.Clock.GetUtcNow().UtcDateTime;

        var closed = await admin.MoveTicketAsync(ticket.Id, Closed);

        (closed.ResolvedAt, closed.ClosedAt).ShouldBe((now, now));
    }

    [Fact]
    public async Task Taking_a_resolved_ticket_back_into_work_clears_the_resolved_time()
    {
        var (admin, ticket) = await TicketInAsync(Resolved);

        var back = await admin.MoveTicketAsync(ticket.Id, InProgress);

        (back.Status, back.ResolvedAt).ShouldBe((InProgress, null));
    }

    [Fact]
    public async Task A_status_change_with_a_stale_stamp_is_a_conflict()
    {
        var (admin, ticket) = await TicketInAsync(Open);
        await admin.MoveTicketAsync(ticket.Id, InProgress);

        var response = await admin.ChangeTicketStatusAsync(ticket.Id, Escalated, ticket.ConcurrencyStamp);

        (await response.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe("Concurrency");
        (await admin.Client.GetAsync<TicketDetailDto>($"/api/psa/tickets/{ticket.Id}")).Status.ShouldBe(InProgress);
    }

    [Fact]
    public async Task A_missing_or_unknown_status_is_a_validation_error()
    {
        var (admin, ticket) = await TicketInAsync(Open);

        var missing = await admin.Client.PostJsonAsync($"/api/psa/tickets/{ticket.Id}/status", new { });
        var unknown = await admin.Client.PostJsonAsync($"/api/psa/tickets/{ticket.Id}/status", new { status = 42 });

        (await missing.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["status"]);
        (await unknown.ReadProblemAsync(HttpStatusCode.BadRequest)).Code.ShouldBe("Validation");
    }
}
