using Regentra.Billing.Contracts;
using Regentra.Billing.Contracts.Agreements;
using static Regentra.TestBase.BillingApi;

namespace Regentra.Billing.Tests;

/// <summary>PUT/GET /api/billing/clients/{id}/agreement(s): the three types, the current agreement, and how agreements follow each other.</summary>
public sealed class AgreementTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private static readonly DateOnly Apr1 = new(2026, 4, 1);

    private static Task<CurrentAgreementDto> CurrentAsync(TenantSession session, Guid clientId) =>
        session.Client.GetAsync<CurrentAgreementDto>($"/api/billing/clients/{clientId}/agreement");

    private static Task<IReadOnlyList<AgreementDto>> HistoryAsync(TenantSession session, Guid clientId) =>
        session.Client.GetAsync<IReadOnlyList<AgreementDto>>($"/api/billing/clients/{clientId}/agreements");

    [Fact]
    public async Task Without_an_agreement_the_current_one_is_null_with_the_default_rate_and_the_clients_currency()
    {
        var admin = await app.SignUpAsync();
        await admin.ConfigureBillingAsync(defaultHourlyRate: 95.5m);
        var euroClient = await admin.CreateBillingClientAsync(currency: "EUR");

        var current = await CurrentAsync(admin, euroClient.Id);

        current.ShouldBe(new CurrentAgreementDto(null, 95.5m, "EUR"));
        (await HistoryAsync(admin, euroClient.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_hourly_agreement_keeps_its_rate_and_rounding_and_is_current_from_its_start()
    {
        var (admin, client) = await app.SignUpBillingAsync();

        var saved = await admin.SetAgreementAsync(client.Id, Hourly(125.1234m, rounding: new RoundingRule(15, 30)) with { MonthlyFee = 999m, IncludedHours = 5m });

        (saved.Type, saved.ClientId, saved.EffectiveFrom, saved.EffectiveTo, saved.Currency).ShouldBe((AgreementType.Hourly, client.Id, Feb1, (DateOnly?)null, "USD"));
        (saved.HourlyRate, saved.Rounding).ShouldBe((125.1234m, new RoundingRule(15, 30)));
        (saved.MonthlyFee, saved.IncludedHours, saved.OverageRate, saved.Scope).ShouldBe((null, null, null, null));
        (await CurrentAsync(admin, client.Id)).ShouldBe(new CurrentAgreementDto(saved, 100m, "USD"));
        (await HistoryAsync(admin, client.Id)).ShouldBe([saved]);
    }

    [Fact]
    public async Task A_monthly_agreement_keeps_its_fee_and_scope_and_drops_an_hourly_rate()
    {
        var (admin, client) = await app.SignUpBillingAsync();

        var saved = await admin.SetAgreementAsync(client.Id, Monthly(1500m, scope: "  Servers and desktops  ") with { HourlyRate = 80m, AutoInvoice = true, AutoSend = true });

        (saved.Type, saved.MonthlyFee, saved.Scope, saved.HourlyRate).ShouldBe((AgreementType.MonthlyRecurring, 1500m, "Servers and desktops", (decimal?)null));
        (saved.AutoInvoice, saved.AutoSend, saved.Rollover).ShouldBe((true, true, false));
        (await CurrentAsync(admin, client.Id)).Agreement.ShouldBe(saved);
    }

    [Fact]
    public async Task A_block_hours_agreement_keeps_its_hours_overage_rate_roll_over_and_rounding()
    {
        var (admin, client) = await app.SignUpBillingAsync();

        var saved = await admin.SetAgreementAsync(client.Id, Block(2000m, 10.5m, 120m, rollover: true) with { Rounding = new RoundingRule(6, 0) });

        (saved.Type, saved.MonthlyFee, saved.IncludedHours, saved.OverageRate, saved.Rollover).ShouldBe((AgreementType.BlockHours, 2000m, 10.5m, 120m, true));
        (saved.Rounding, saved.HourlyRate).ShouldBe((new RoundingRule(6, 0), (decimal?)null));
        (await HistoryAsync(admin, client.Id)).ShouldBe([saved]);
    }

    [Fact]
    public async Task The_same_start_date_edits_the_agreement_in_place()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var first = await admin.SetAgreementAsync(client.Id, Hourly(100m));

        var edited = await admin.SetAgreementAsync(client.Id, Monthly(750m) with { ConcurrencyStamp = first.ConcurrencyStamp });

        edited.Id.ShouldBe(first.Id);
        (edited.Type, edited.MonthlyFee, edited.HourlyRate).ShouldBe((AgreementType.MonthlyRecurring, 750m, (decimal?)null));
        (await HistoryAsync(admin, client.Id)).ShouldBe([edited]);
    }

    [Fact]
    public async Task An_edit_with_a_stale_stamp_is_refused_and_keeps_the_other_change()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var first = await admin.SetAgreementAsync(client.Id, Hourly(100m));
        var second = await admin.SetAgreementAsync(client.Id, Hourly(110m) with { ConcurrencyStamp = first.ConcurrencyStamp });

        var response = await admin.PutAgreementAsync(client.Id, Hourly(90m) with { ConcurrencyStamp = first.ConcurrencyStamp });

        (await response.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe("Concurrency");
        (await HistoryAsync(admin, client.Id)).ShouldBe([second]);
    }

    [Fact]
    public async Task A_later_start_ends_the_current_agreement_on_that_day()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var hourly = await admin.SetAgreementAsync(client.Id, Hourly(100m));

        var monthly = await admin.SetAgreementAsync(client.Id, Monthly(900m, from: Mar1));

        var history = await HistoryAsync(admin, client.Id);
        history.Select(a => (a.Id, a.EffectiveFrom, a.EffectiveTo)).ShouldBe([(monthly.Id, Mar1, null), (hourly.Id, Feb1, Mar1)]);
        (await CurrentAsync(admin, client.Id)).Agreement!.Id.ShouldBe(monthly.Id);
    }

    [Fact]
    public async Task A_start_after_today_leaves_the_running_agreement_current_until_then()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var hourly = await admin.SetAgreementAsync(client.Id, Hourly(100m));

        await admin.SetAgreementAsync(client.Id, Hourly(130m, from: Apr1));

        var current = (await CurrentAsync(admin, client.Id)).Agreement!;
        (current.Id, current.HourlyRate, current.EffectiveTo).ShouldBe((hourly.Id, 100m, Apr1));
    }

    [Fact]
    public async Task An_earlier_start_that_would_run_into_a_later_agreement_is_refused_on_effective_to()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var later = await admin.SetAgreementAsync(client.Id, Hourly(100m, from: Mar1));

        var openEnded = await admin.PutAgreementAsync(client.Id, Monthly(500m, from: Feb1));
        var endingAfter = await admin.PutAgreementAsync(client.Id, Monthly(500m, from: Feb1) with { EffectiveTo = new DateOnly(2026, 3, 15) });

        foreach (var response in new[] { openEnded, endingAfter })
        {
            var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
            problem.Code.ShouldBe(BillingErrorCodes.AgreementOverlap);
            problem.Errors!.Keys.ShouldBe(["effectiveTo"]);
        }

        (await HistoryAsync(admin, client.Id)).ShouldBe([later]);
    }

    [Fact]
    public async Task An_earlier_agreement_may_end_exactly_when_the_later_one_starts()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var later = await admin.SetAgreementAsync(client.Id, Hourly(100m, from: Mar1));

        var earlier = await admin.SetAgreementAsync(client.Id, Monthly(500m, from: Feb1) with { EffectiveTo = Mar1 });

        (await HistoryAsync(admin, client.Id)).Select(a => (a.Id, a.EffectiveFrom, a.EffectiveTo)).ShouldBe([(later.Id, Mar1, null), (earlier.Id, Feb1, Mar1)]);
    }

    [Fact]
    public async Task An_agreement_takes_the_clients_currency()
    {
        var admin = await app.SignUpAsync();
        var yenClient = await admin.CreateBillingClientAsync(currency: "JPY");

        var saved = await admin.SetAgreementAsync(yenClient.Id, Hourly(12000m));

        saved.Currency.ShouldBe("JPY");
        (await CurrentAsync(admin, yenClient.Id)).Currency.ShouldBe("JPY");
    }
}
