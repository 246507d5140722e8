using Regentra.Billing.Contracts.Agreements;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Invoices.Calculation;
using Regentra.Framework.Money;

namespace Regentra.Billing.Tests;

/// <summary>The agreement maths, rule by rule, on the pure calculator (the HTTP suites cover the same rules end to end).</summary>
public sealed class InvoiceCalculatorTests
{
    private static readonly DateOnly March = new(2026, 3, 1);
    private static readonly DateOnly April = new(2026, 4, 1);

    private static EntryToBill Entry(int day, int minutes, string technician = "Ada") =>
        new(Guid.NewGuid(), new DateOnly(2026, 3, day), technician, "T-000001", $"Work on the {day}th", minutes);

    private static AgreementTerms Hourly(decimal rate, RoundingRule? rounding = null, DateOnly? from = null, DateOnly? to = null) =>
        new(Guid.NewGuid(), AgreementType.Hourly, from ?? new DateOnly(2026, 1, 1), to, rate, null, null, null, null, false, rounding);

    private static AgreementTerms Monthly(decimal fee, DateOnly? from = null, DateOnly? to = null) =>
        new(Guid.NewGuid(), AgreementType.MonthlyRecurring, from ?? new DateOnly(2026, 1, 1), to, null, fee, "Managed desktops", null, null, false, null);

    private static AgreementTerms Block(decimal fee, decimal included, decimal overage, bool rollover, RoundingRule? rounding = null) =>
        new(Guid.NewGuid(), AgreementType.BlockHours, new DateOnly(2026, 1, 1), null, null, fee, null, included, overage, rollover, rounding);

    private static InvoiceCalculation Calculate(IReadOnlyList<AgreementTerms> agreements, IReadOnlyList<EntryToBill> entries,
        string currency = "GBP", decimal tax = 0m, decimal? defaultRate = 90m, decimal rolledIn = 0m, DateOnly? from = null, DateOnly? to = null) =>
        InvoiceCalculator.Calculate(new CalculationInput(from ?? March, to ?? April, currency, tax, defaultRate, agreements, entries, rolledIn));

    [Theory]
    [InlineData(1, 15, 0, 15)]
    [InlineData(15, 15, 0, 15)]
    [InlineData(16, 15, 0, 30)]
    [InlineData(7, 6, 30, 30)]
    [InlineData(61, 0, 0, 61)]
    [InlineData(10, 0, 30, 30)]
    public void Billed_minutes_round_up_to_the_increment_then_rise_to_the_minimum(int actual, int increment, int minimum, int billed) =>
        InvoiceCalculator.Billed(actual, new RoundingRule(increment, minimum)).ShouldBe(billed);

    [Fact]
    public void Hourly_bills_each_entry_at_the_rate_with_rounding_and_keeps_the_actual_minutes()
    {
        var result = Calculate([Hourly(120m, new RoundingRule(15, 30))], [Entry(2, 60), Entry(3, 20), Entry(4, 95)], tax: 20m);

        result.Lines.Select(l => (l.ActualMinutes, l.BilledMinutes, l.Quantity, l.AmountMinor)).ShouldBe(
        [
            (60, 60, 1.00m, 12000L),
            (20, 30, 0.50m, 6000L),
            (95, 105, 1.75m, 21000L),
        ]);
        (result.SubtotalMinor, result.TaxMinor, result.TotalMinor).ShouldBe((39000L, 7800L, 46800L));
        result.LockedEntryIds.Count.ShouldBe(3);
    }

    [Theory]
    [InlineData("GBP", 100, 10, 1667)]    // 16.666… → 16.67
    [InlineData("GBP", 0.3, 5, 3)]       // 0.025 exactly: half away from zero gives 0.03 (banker's rounding would give 0.02)
    [InlineData("JPY", 1000, 50, 833)]   // 833.33… yen, no minor unit
    [InlineData("KWD", 10, 7, 1167)]     // 1.1666… dinars → 1.167 (three decimals)
    [InlineData("GBP", 99.9999, 1, 167)] // a 4-decimal rate: 1.666665 → 1.67
    public void Amounts_come_from_exact_minutes_and_round_once_half_away_from_zero_at_the_minor_unit(string currency, decimal rate, int minutes, long minor)
    {
        var result = Calculate([Hourly(rate)], [Entry(2, minutes)], currency);

        result.Lines.Single().AmountMinor.ShouldBe(minor);
    }

    [Fact]
    public void A_monthly_fee_covers_the_time_which_is_locked_but_not_charged_line_by_line()
    {
        var entries = new[] { Entry(2, 120), Entry(9, 45) };

        var result = Calculate([Monthly(500m)], entries);

        var fee = result.Lines.ShouldHaveSingleItem();
        (fee.Kind, fee.AmountMinor, fee.Quantity).ShouldBe((InvoiceLineKind.Fee, 50000L, 1m));
        fee.Description.ShouldContain("Managed desktops");
        result.CoveredMinutes.ShouldBe(165);
        result.LockedEntryIds.ShouldBe(entries.Select(e => e.Id), ignoreOrder: true);
    }

    [Fact]
    public void A_fee_starting_mid_month_is_prorated_by_the_days_it_covers()
    {
        var result = Calculate([Monthly(500m, from: new DateOnly(2026, 3, 16))], []);

        // 16 of March's 31 days: 500 × 16 ÷ 31 = 258.0645… → 258.06
        var fee = result.Lines.ShouldHaveSingleItem();
        fee.AmountMinor.ShouldBe(25806L);
        fee.Description.ShouldContain("16/31 days");
    }

    [Fact]
    public void An_agreement_changing_mid_month_bills_each_entry_under_the_agreement_of_its_day()
    {
        var hourlyUntil16th = Hourly(100m, to: new DateOnly(2026, 3, 16));
        var monthlyFrom16th = Monthly(310m, from: new DateOnly(2026, 3, 16));

        var result = Calculate([hourlyUntil16th, monthlyFrom16th], [Entry(10, 60), Entry(20, 90)]);

        result.Lines.Select(l => (l.Kind, l.AmountMinor)).ShouldBe(
        [
            (InvoiceLineKind.Fee, 16000L), // 310 × 16 ÷ 31
            (InvoiceLineKind.Time, 10000L),
        ]);
        result.CoveredMinutes.ShouldBe(90);
    }

    [Fact]
    public void A_fee_over_a_two_month_period_is_charged_for_each_month()
    {
        var result = Calculate([Monthly(400m)], [], from: new DateOnly(2026, 2, 1), to: April);

        var fee = result.Lines.ShouldHaveSingleItem();
        (fee.Quantity, fee.AmountMinor).ShouldBe((2m, 80000L));
    }

    [Fact]
    public void Block_hours_charge_the_fee_and_the_overage_above_the_included_hours()
    {
        // 12.5 billed hours against 10 included: 2.5 hours of overage at 150.
        var result = Calculate([Block(1000m, 10m, 150m, rollover: false)], [Entry(2, 450), Entry(3, 300)]);

        result.Lines.Select(l => (l.Kind, l.AmountMinor)).ShouldBe([(InvoiceLineKind.Fee, 100000L), (InvoiceLineKind.Overage, 37500L)]);
        result.Block.ShouldBe(new BlockUsage(10m, 0m, 12.5m, 2.5m, 0m));
    }

    [Fact]
    public void Rolled_in_hours_are_used_first_and_this_months_unused_hours_carry_over_when_rollover_is_on()
    {
        var result = Calculate([Block(1000m, 10m, 150m, rollover: true)], [Entry(2, 720)], rolledIn: 3m);

        // 12 used: 3 from last month, 9 of this month's 10; no overage; 1 carries into April.
        result.Block.ShouldBe(new BlockUsage(10m, 3m, 12m, 0m, 1m));
        result.Lines.ShouldHaveSingleItem().Kind.ShouldBe(InvoiceLineKind.Fee);
    }

    [Fact]
    public void Rolled_in_hours_expire_after_one_month_and_only_this_months_included_hours_carry()
    {
        var result = Calculate([Block(1000m, 10m, 150m, rollover: true)], [Entry(2, 120)], rolledIn: 4m);

        // 2 used, all from the rolled-in 4 (the other 2 expire); all 10 included hours carry over.
        result.Block.ShouldBe(new BlockUsage(10m, 4m, 2m, 0m, 10m));
    }

    [Fact]
    public void Without_rollover_nothing_carries_over()
    {
        Calculate([Block(1000m, 10m, 150m, rollover: false)], [Entry(2, 60)]).Block!.CarriedOutHours.ShouldBe(0m);
    }

    [Fact]
    public void Days_without_an_agreement_bill_at_the_default_rate_and_are_counted()
    {
        var result = Calculate([Hourly(200m, from: new DateOnly(2026, 3, 20))], [Entry(5, 60), Entry(25, 60)], defaultRate: 90m);

        result.Lines.Select(l => l.AmountMinor).ShouldBe([9000L, 20000L]);
        (result.DefaultRateEntries, result.DefaultRateMinutes).ShouldBe((1, 60));
    }

    [Fact]
    public void Without_a_usable_default_rate_uncovered_time_is_neither_billed_nor_locked()
    {
        var uncovered = Entry(5, 60);

        var result = Calculate([], [uncovered], defaultRate: null);

        result.Lines.ShouldBeEmpty();
        result.LockedEntryIds.ShouldNotContain(uncovered.Id);
    }

    [Theory]
    [InlineData(5, 8.875, 0)]       // 0.44375 minor units → 0
    [InlineData(1000, 8.875, 89)]   // 88.75 → 89 (half away from zero)
    [InlineData(39000, 20, 7800)]
    [InlineData(12345, 0, 0)]
    public void Tax_is_rounded_once_on_the_subtotal(long subtotal, decimal rate, long tax) =>
        MoneyMath.TaxMinor(subtotal, rate).ShouldBe(tax);

    [Fact]
    public void Totals_always_reconcile_to_their_lines_whatever_the_rates_minutes_and_currency()
    {
        var random = new Random(20260301);
        string[] currencies = ["GBP", "JPY", "KWD", "USD"];
        for (var run = 0; run < 500; run++)
        {
            var currency = currencies[random.Next(currencies.Length)];
            var rate = decimal.Round((decimal)random.NextDouble() * 500m, random.Next(0, 5));
            var tax = decimal.Round((decimal)random.NextDouble() * 30m, random.Next(0, 5));
            var rounding = random.Next(3) == 0 ? null : new RoundingRule(random.Next(0, 61), random.Next(0, 61));
            var entries = Enumerable.Range(0, random.Next(0, 40)).Select(_ => Entry(random.Next(1, 32), random.Next(1, 600))).ToList();
            AgreementTerms agreement = random.Next(3) switch
            {
                0 => Hourly(rate, rounding),
                1 => Monthly(rate * 10m, from: new DateOnly(2026, 3, random.Next(1, 32))),
                _ => Block(rate * 10m, random.Next(1, 40), rate, random.Next(2) == 0, rounding),
            };

            var result = Calculate([agreement], entries, currency, tax, rolledIn: random.Next(0, 5));

            result.SubtotalMinor.ShouldBe(result.Lines.Sum(l => l.AmountMinor), $"run {run}");
            result.TaxMinor.ShouldBe((long)decimal.Round(result.SubtotalMinor * tax / 100m, 0, MidpointRounding.AwayFromZero), $"run {run}");
            result.TotalMinor.ShouldBe(result.SubtotalMinor + result.TaxMinor, $"run {run}");
            result.Lines.Where(l => l.Kind == InvoiceLineKind.Time)
                .ShouldAllBe(l => l.AmountMinor == MoneyMath.TimeAmountMinor(l.BilledMinutes!.Value, l.UnitPrice, currency));
        }
    }
}
