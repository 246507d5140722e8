using Regentra.Billing.Contracts.Agreements;
using Regentra.Billing.Contracts.Invoices;
using static Regentra.TestBase.BillingApi;
using static Regentra.TestBase.PsaApi;

namespace Regentra.Billing.Tests;

/// <summary>Monthly fees (whole and prorated), block hours with overage, and unused block hours rolling into the next month.</summary>
public sealed class InvoicePreviewFeeTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private static readonly DateOnly Jan1 = new(2026, 1, 1);

    private static InvoiceLineDto FeeLine(string description, decimal quantity, decimal fee, decimal amount) =>
        new(null, InvoiceLineKind.Fee, null, null, null, description, quantity, fee, amount, null, null, null);

    [Fact]
    public async Task A_monthly_agreement_bills_its_fee_once_for_the_month()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.SetAgreementAsync(client.Id, Monthly(1500m, scope: "Managed desktops"));
        await admin.ApprovedFebruaryTimeAsync(client.Id, 600);

        var preview = await admin.PreviewOkAsync(client.Id);

        preview.Lines.ShouldBe([FeeLine("Monthly fee: Managed desktops — February 2026", 1m, 1500m, 1500m)]);
        (preview.Subtotal, preview.Tax, preview.Total, preview.CoveredHours).ShouldBe((1500m, 300m, 1800m, 10m));
    }

    [Fact]
    public async Task A_fee_starting_mid_month_is_prorated_by_the_days_it_covers()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.SetAgreementAsync(client.Id, Monthly(1000m, from: Feb(10)));

        var preview = await admin.PreviewOkAsync(client.Id);

        // 1000 × 19 ÷ 28 = 678.5714…
        preview.Lines.ShouldBe([FeeLine("Monthly fee: Managed desktops — February 2026 (19/28 days)", 0.6786m, 1000m, 678.57m)]);
        preview.Total.ShouldBe(814.28m); // 678.57 + 135.714 → 135.71
    }

    [Fact]
    public async Task A_prorated_fee_rounds_half_a_cent_away_from_zero()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.SetAgreementAsync(client.Id, Monthly(100.05m, from: Feb(15)));

        var preview = await admin.PreviewOkAsync(client.Id);

        preview.Lines.Single().Amount.ShouldBe(50.03m); // 100.05 × 14 ÷ 28 = 50.025
    }

    [Fact]
    public async Task A_period_of_several_months_prorates_each_calendar_month_on_its_own()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.SetAgreementAsync(client.Id, Monthly(310m, from: Feb(15), scope: null));

        var preview = await admin.PreviewOkAsync(client.Id, Feb1, new DateOnly(2026, 4, 1));

        preview.Lines.ShouldBe([FeeLine("Monthly fee — February 2026 (14/28 days), March 2026", 1.5m, 310m, 465m)]);
    }

    [Fact]
    public async Task Days_before_a_mid_month_fee_bill_their_time_at_the_default_rate()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.SetAgreementAsync(client.Id, Monthly(280m, from: Feb(15)));
        await admin.LogApprovedAsync(admin, ClientTime(client.Id, 90, Feb(14)), ClientTime(client.Id, 90, Feb(16)));

        var preview = await admin.PreviewOkAsync(client.Id);

        preview.Lines.Select(l => (l.Kind, l.Date, l.Amount)).ShouldBe([(InvoiceLineKind.Fee, null, 140m), (InvoiceLineKind.Time, Feb(14), 150m)]);
        preview.CoveredHours.ShouldBe(1.5m);
        preview.Warnings.Select(w => w.Code).ShouldBe(["NoAgreement", "CoveredByFee"]);
    }

    [Fact]
    public async Task Block_hours_above_the_included_hours_are_billed_as_overage()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.SetAgreementAsync(client.Id, Block(2000m, 10m, 150m));
        await admin.ApprovedFebruaryTimeAsync(client.Id, 480, 270);

        var preview = await admin.PreviewOkAsync(client.Id);

        preview.Lines.ShouldBe(
        [
            FeeLine("Block of 10 hours a month — February 2026", 1m, 2000m, 2000m),
            new InvoiceLineDto(null, InvoiceLineKind.Overage, null, null, null, "Overage: 2.50 h above 10 included hours", 2.5m, 150m, 375m, null, 150, null),
        ]);
        preview.BlockHours.ShouldBe(new BlockHoursUsageDto(10m, 0m, 12.5m, 2.5m, 0m));
        (preview.Subtotal, preview.Tax, preview.Total).ShouldBe((2375m, 475m, 2850m));
    }

    [Fact]
    public async Task Block_hours_within_the_block_cost_only_the_fee_and_use_the_agreements_rounding()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.SetAgreementAsync(client.Id, Block(900m, 2m, 150m) with { Rounding = new RoundingRule(30, 0) });
        await admin.ApprovedFebruaryTimeAsync(client.Id, 20, 20, 20);

        var preview = await admin.PreviewOkAsync(client.Id);

        preview.Lines.Select(l => l.Kind).ShouldBe([InvoiceLineKind.Fee]);
        preview.BlockHours.ShouldBe(new BlockHoursUsageDto(2m, 0m, 1.5m, 0m, 0m));
        preview.Subtotal.ShouldBe(900m);
    }

    [Fact]
    public async Task Unused_block_hours_of_january_are_used_first_in_february()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.SetAgreementAsync(client.Id, Block(1000m, 10m, 100m, rollover: true, from: Jan1));
        await admin.LogApprovedAsync(admin, ClientTime(client.Id, 360, new DateOnly(2026, 1, 12)));
        await admin.ApprovedFebruaryTimeAsync(client.Id, 480, 420);
        var withoutJanuary = await admin.PreviewOkAsync(client.Id);

        var january = await admin.GenerateOkAsync(client.Id, Jan1, Feb1);
        var february = await admin.PreviewOkAsync(client.Id);

        january.BlockHours.ShouldBe(new BlockHoursUsageDto(10m, 0m, 6m, 0m, 4m));
        withoutJanuary.BlockHours.ShouldBe(new BlockHoursUsageDto(10m, 0m, 15m, 5m, 0m));
        february.BlockHours.ShouldBe(new BlockHoursUsageDto(10m, 4m, 15m, 1m, 0m));
        february.Lines.Select(l => (l.Kind, l.Amount)).ShouldBe([(InvoiceLineKind.Fee, 1000m), (InvoiceLineKind.Overage, 100m)]);
        february.Lines[1].Description.ShouldBe("Overage: 1.00 h above 14 included hours");
    }

    [Fact]
    public async Task Rolled_in_hours_expire_and_only_the_months_own_unused_hours_carry_on()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.SetAgreementAsync(client.Id, Block(1000m, 10m, 100m, rollover: true, from: Jan1));
        await admin.LogApprovedAsync(admin, ClientTime(client.Id, 360, new DateOnly(2026, 1, 12)));
        await admin.GenerateOkAsync(client.Id, Jan1, Feb1);
        await admin.ApprovedFebruaryTimeAsync(client.Id, 120);

        var february = await admin.GenerateOkAsync(client.Id);

        february.BlockHours.ShouldBe(new BlockHoursUsageDto(10m, 4m, 2m, 0m, 10m));
    }

    [Fact]
    public async Task Without_roll_over_unused_hours_are_not_carried()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        await admin.SetAgreementAsync(client.Id, Block(1000m, 10m, 100m, from: Jan1));
        await admin.LogApprovedAsync(admin, ClientTime(client.Id, 60, new DateOnly(2026, 1, 12)));
        await admin.GenerateOkAsync(client.Id, Jan1, Feb1);
        await admin.ApprovedFebruaryTimeAsync(client.Id, 660);

        var february = await admin.PreviewOkAsync(client.Id);

        february.BlockHours.ShouldBe(new BlockHoursUsageDto(10m, 0m, 11m, 1m, 0m));
    }
}
