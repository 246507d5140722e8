using Microsoft.EntityFrameworkCore;
using Regentra.Billing.Agreements;
using Regentra.Billing.Contracts.Agreements;
using static Regentra.TestBase.BillingApi;

namespace Regentra.Billing.Tests;

/// <summary>What PUT /agreement refuses: each rule names its field and nothing is written.</summary>
public sealed class AgreementValidationTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private static readonly Dictionary<string, (PutAgreementRequest Request, string Field)> Invalid = new()
    {
        ["type missing"] = (Hourly(100m) with { Type = null }, "type"),
        ["type unknown"] = (Hourly(100m) with { Type = (AgreementType)7 }, "type"),
        ["effectiveFrom missing"] = (Hourly(100m) with { EffectiveFrom = null }, "effectiveFrom"),
        ["effectiveTo on the start day"] = (Hourly(100m, to: Feb1), "effectiveTo"),
        ["effectiveTo before the start"] = (Hourly(100m, to: new DateOnly(2026, 1, 31)), "effectiveTo"),
        ["hourly without hourlyRate"] = (Hourly(100m) with { HourlyRate = null }, "hourlyRate"),
        ["hourlyRate with 5 decimals"] = (Hourly(100.00001m), "hourlyRate"),
        ["hourlyRate above 10 million"] = (Hourly(10_000_000.01m), "hourlyRate"),
        ["monthly with a negative fee"] = (Monthly(-1m), "monthlyFee"),
        ["monthly without a fee"] = (Monthly(1m) with { MonthlyFee = null }, "monthlyFee"),
        ["monthly scope over 1000 characters"] = (Monthly(1m, scope: new string('x', 1001)), "scope"),
        ["block with 0 included hours"] = (Block(1000m, 0m, 100m), "includedHours"),
        ["block with 3-decimal hours"] = (Block(1000m, 1.125m, 100m), "includedHours"),
        ["block without overageRate"] = (Block(1000m, 10m, 100m) with { OverageRate = null }, "overageRate"),
        ["block with a negative fee"] = (Block(-5m, 10m, 100m), "monthlyFee"),
        ["rounding increment of 300 minutes"] = (Hourly(100m, rounding: new RoundingRule(300, 0)), "rounding.incrementMinutes"),
        ["negative rounding increment"] = (Hourly(100m, rounding: new RoundingRule(-15, 0)), "rounding.incrementMinutes"),
        ["rounding minimum over a day"] = (Hourly(100m, rounding: new RoundingRule(15, 1441)), "rounding.minimumMinutes"),
        ["autoSend without autoInvoice"] = (Hourly(100m) with { AutoSend = true }, "autoSend"),
    };

    public static TheoryData<string> Cases => new(Invalid.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task An_invalid_agreement_is_refused_with_its_field_and_nothing_is_written(string name)
    {
        var (request, field) = Invalid[name];
        var (admin, client) = await app.SignUpBillingAsync();
        var before = await app.CountAsync<Agreement>();

        var response = await admin.PutAgreementAsync(client.Id, request);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.Code.ShouldBe("Validation");
        problem.Errors!.Keys.ShouldContain(field);
        (await app.CountAsync<Agreement>()).ShouldBe(before);
        (await admin.Client.GetAsync<IReadOnlyList<AgreementDto>>($"/api/billing/clients/{client.Id}/agreements")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_refused_edit_leaves_the_existing_agreement_as_it_was()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var saved = await admin.SetAgreementAsync(client.Id, Hourly(100m));

        var response = await admin.PutAgreementAsync(client.Id, Hourly(100m) with { HourlyRate = null, ConcurrencyStamp = saved.ConcurrencyStamp });

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["hourlyRate"]);
        (await admin.Client.GetAsync<IReadOnlyList<AgreementDto>>($"/api/billing/clients/{client.Id}/agreements")).ShouldBe([saved]);
    }

    [Fact]
    public async Task Zero_rounding_is_no_rounding_and_a_free_monthly_fee_is_allowed()
    {
        var (admin, client) = await app.SignUpBillingAsync();

        var saved = await admin.SetAgreementAsync(client.Id, Monthly(0m) with { Rounding = new RoundingRule(0, 0) });

        (saved.MonthlyFee, saved.Rounding).ShouldBe((0m, (RoundingRule?)null));
    }

    [Fact]
    public async Task An_unknown_client_is_not_found_on_every_agreement_endpoint()
    {
        var admin = await app.SignUpAsync();
        var unknown = Guid.NewGuid();

        var responses = new[]
        {
            await admin.Client.GetResponseAsync($"/api/billing/clients/{unknown}/agreement"),
            await admin.Client.GetResponseAsync($"/api/billing/clients/{unknown}/agreements"),
            await admin.PutAgreementAsync(unknown, Hourly(100m)),
        };

        foreach (var response in responses)
        {
            (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Code.ShouldBe("NotFound");
        }

        (await app.QueryAsync(db => db.Set<Agreement>().IgnoreQueryFilters().CountAsync(a => a.ClientId == unknown))).ShouldBe(0);
    }
}
