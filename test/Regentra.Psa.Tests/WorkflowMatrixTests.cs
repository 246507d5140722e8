using Regentra.Psa.Contracts.TimeEntries;

namespace Regentra.Psa.Tests;

/// <summary>
/// The workflow as a table: every status × every action × every kind of actor, each allowed (and then the entry
/// moves) or refused with its exact status and code (and then nothing about the entry changes).
/// </summary>
public sealed class WorkflowMatrixTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private const string Owner = "owner technician";
    private const string Reviewer = "reviewer (manager)";
    private const string OtherTechnician = "other technician";
    private const string SelfReviewOff = "owner who reviews, self-approval off";
    private const string SelfReviewOn = "owner who reviews, self-approval on";

    private static readonly string[] Statuses = ["Draft", "Submitted", "Approved", "Rejected", "Invoiced"];

    /// <summary>What each refusal looks like on the wire.</summary>
    private static readonly Dictionary<string, (HttpStatusCode Status, string Code)> Refusals = new()
    {
        ["NotEditable"] = (HttpStatusCode.Conflict, "Psa:TimeEntry.NotEditable"),
        ["NotOwner"] = (HttpStatusCode.Forbidden, "Psa:TimeEntry.NotOwner"),
        ["Transition"] = (HttpStatusCode.Conflict, "Psa:TimeEntry.TransitionNotAllowed"),
        ["Self"] = (HttpStatusCode.Forbidden, "Psa:TimeEntry.SelfApprovalNotAllowed"),
        ["Invoiced"] = (HttpStatusCode.Conflict, "Psa:TimeEntry.Invoiced"),
        ["Denied"] = (HttpStatusCode.Forbidden, "Security:PermissionDenied"),
        ["Hidden"] = (HttpStatusCode.NotFound, "NotFound"),
    };

    private static readonly string[] AllHidden = ["Hidden", "Hidden", "Hidden", "Hidden", "Hidden"];
    private static readonly string[] AllDenied = ["Denied", "Denied", "Denied", "Denied", "Denied"];
    private static readonly string[] OwnerChanges = ["ok", "NotEditable", "NotEditable", "ok", "Invoiced"];
    private static readonly string[] OwnerSubmits = ["ok", "Transition", "Transition", "ok", "Invoiced"];
    private static readonly string[] ReviewsSubmitted = ["Transition", "ok", "Transition", "Transition", "Invoiced"];
    private static readonly string[] ReopensApproved = ["Transition", "Transition", "ok", "Transition", "Invoiced"];

    /// <summary>Action → actor → the outcome for Draft, Submitted, Approved, Rejected and Invoiced entries.</summary>
    private static readonly Dictionary<string, Dictionary<string, string[]>> Expected = new()
    {
        ["edit"] = new()
        {
            [Owner] = OwnerChanges,
            [Reviewer] = ["NotOwner", "NotOwner", "NotOwner", "NotOwner", "Invoiced"],
            [OtherTechnician] = AllHidden,
            [SelfReviewOff] = OwnerChanges,
            [SelfReviewOn] = OwnerChanges,
        },
        ["delete"] = new()
        {
            [Owner] = OwnerChanges,
            [Reviewer] = ["NotOwner", "NotOwner", "NotOwner", "NotOwner", "Invoiced"],
            [OtherTechnician] = AllHidden,
            [SelfReviewOff] = OwnerChanges,
            [SelfReviewOn] = OwnerChanges,
        },
        ["submit"] = new()
        {
            [Owner] = OwnerSubmits,
            [Reviewer] = ["NotOwner", "NotOwner", "NotOwner", "NotOwner", "Invoiced"],
            [OtherTechnician] = AllHidden,
            [SelfReviewOff] = OwnerSubmits,
            [SelfReviewOn] = OwnerSubmits,
        },
        ["approve"] = new()
        {
            [Owner] = AllDenied,
            [Reviewer] = ReviewsSubmitted,
            [OtherTechnician] = AllDenied,
            [SelfReviewOff] = ["Transition", "Self", "Transition", "Transition", "Invoiced"],
            [SelfReviewOn] = ReviewsSubmitted,
        },
        ["reject"] = new()
        {
            [Owner] = AllDenied,
            [Reviewer] = ReviewsSubmitted,
            [OtherTechnician] = AllDenied,
            [SelfReviewOff] = ["Transition", "Self", "Transition", "Transition", "Invoiced"],
            [SelfReviewOn] = ReviewsSubmitted,
        },
        ["reopen"] = new()
        {
            [Owner] = AllDenied,
            [Reviewer] = ReopensApproved,
            [OtherTechnician] = AllDenied,
            [SelfReviewOff] = ["Transition", "Transition", "Self", "Transition", "Invoiced"],
            [SelfReviewOn] = ReopensApproved,
        },
    };

    public static TheoryData<string, string, string, string> Matrix()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var (action, byActor) in Expected)
        {
            foreach (var (actor, outcomes) in byActor)
            {
                for (var i = 0; i < Statuses.Length; i++)
                {
                    data.Add(Statuses[i], action, actor, outcomes[i]);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_action_on_each_status_is_allowed_or_refused_exactly_as_the_workflow_says(string status, string action, string actor, string outcome)
    {
        var (entry, acting, admin) = await ArrangeAsync(status, actor);
        var historyBefore = await admin.HistoryAsync(entry.Id);

        var response = await ActAsync(acting, action, entry);

        if (outcome == "ok")
        {
            await ShouldHaveMovedAsync(response, action, entry, admin, historyBefore.Count);
            return;
        }

        var (httpStatus, code) = Refusals[outcome];
        var problem = await response.ReadProblemAsync(httpStatus);
        problem.Code.ShouldBe(code);
        if (action is "submit" or "approve" or "reject" && outcome != "Denied")
        {
            problem.Errors!.Keys.ShouldBe(["ids[0]"]);
        }

        (await admin.GetEntryAsync(entry.Id)).ShouldBe(entry);
        (await admin.HistoryAsync(entry.Id)).ShouldBe(historyBefore);
    }

    private async Task<(TimeEntryDto Entry, TenantSession Actor, TenantSession Admin)> ArrangeAsync(string status, string actor)
    {
        var admin = await app.SignUpAsync();
        var owner = await admin.AddMemberAsync(actor is SelfReviewOff or SelfReviewOn ? "Manager" : "Technician");
        var acting = actor switch
        {
            Reviewer => await admin.AddMemberAsync("Manager"),
            OtherTechnician => await admin.AddMemberAsync("Technician"),
            _ => owner,
        };
        if (actor == SelfReviewOn)
        {
            await admin.SetSelfApprovalAsync(true);
        }

        var client = await admin.CreateClientAsync();
        var entry = await owner.LogAsync(PsaApi.ClientTime(client.Id, submit: status != "Draft"));
        if (status is "Approved" or "Invoiced")
        {
            await (await admin.ActAsync("approve", entry.Id)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
        else if (status == "Rejected")
        {
            await (await admin.RejectAsync("Which site?", entry.Id)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        if (status == "Invoiced")
        {
            await app.InvoiceAsync(admin.TenantId, [entry.Id]);
        }

        return (await admin.GetEntryAsync(entry.Id), acting, admin);
    }

    private static Task<HttpResponseMessage> ActAsync(TenantSession actor, string action, TimeEntryDto entry) => action switch
    {
        "edit" => actor.PutEntryAsync(entry.Id, entry.AsUpdate() with { Description = "Changed", DurationMinutes = 75 }),
        "delete" => actor.DeleteEntryAsync(entry.Id),
        "reject" => actor.RejectAsync("Not enough detail", entry.Id),
        "reopen" => actor.ReopenAsync(entry.Id),
        _ => actor.ActAsync(action, entry.Id),
    };

    private static async Task ShouldHaveMovedAsync(HttpResponseMessage response, string action, TimeEntryDto before, TenantSession admin, int stepsBefore)
    {
        if (action == "delete")
        {
            await response.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
            (await admin.Client.GetResponseAsync($"{TimeArrange.Entries}/{before.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            return;
        }

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var after = await admin.GetEntryAsync(before.Id);
        var steps = await admin.HistoryAsync(before.Id);
        (after.Status, steps.Count, steps[^1].Action).ShouldBe(action switch
        {
            "edit" => (before.Status, stepsBefore, steps[^1].Action),
            "submit" => (TimeEntryStatus.Submitted, stepsBefore + 1, "Submitted"),
            "approve" => (TimeEntryStatus.Approved, stepsBefore + 1, "Approved"),
            "reject" => (TimeEntryStatus.Rejected, stepsBefore + 1, "Rejected"),
            _ => (TimeEntryStatus.Submitted, stepsBefore + 1, "Reopened"),
        });
        if (action == "edit")
        {
            (after.Description, after.DurationMinutes).ShouldBe(("Changed", 75));
        }

        after.RejectionReason.ShouldBe(action == "reject" ? "Not enough detail" : action == "edit" ? before.RejectionReason : null);
    }
}
