using Regentra.Billing.Checkout;

namespace Regentra.Billing.Tests;

/// <summary>Our minor units ↔ Stripe's amount integers, currency by currency (Stripe's zero- and three-decimal rules).</summary>
public sealed class StripeAmountsTests
{
    [Theory]
    [InlineData("GBP", 12_000, 12_000)] // 120.00 → 12000 pence
    [InlineData("USD", 1, 1)]
    [InlineData("JPY", 12_000, 12_000)] // ¥12,000: zero decimals on both sides
    [InlineData("KRW", 5_500, 5_500)]
    [InlineData("KWD", 36_000, 36_000)] // 36.000 KWD
    [InlineData("KWD", 34_995, 34_990)] // 34.995: Stripe takes multiples of 10 fils, so never more than is due
    [InlineData("BHD", 1_009, 1_000)]
    [InlineData("MGA", 123_45, 123)] // ISO gives MGA two decimals, Stripe none: whole ariary, rounded down
    [InlineData("ISK", 1_500, 150_000)] // ISK is two-decimal in Stripe's API, whole krónur only
    public void An_amount_due_becomes_the_most_Stripe_can_charge_without_exceeding_it(string currency, long minor, long stripe) =>
        StripeAmounts.ToStripe(minor, currency).ShouldBe(stripe);

    [Theory]
    [InlineData("GBP", 12_000, 12_000)]
    [InlineData("JPY", 12_000, 12_000)]
    [InlineData("KWD", 34_990, 34_990)]
    [InlineData("MGA", 123, 123_00)]
    [InlineData("ISK", 150_000, 1_500)]
    public void A_Stripe_amount_comes_back_exactly_in_our_minor_units(string currency, long stripe, long minor) =>
        StripeAmounts.FromStripe(stripe, currency).ShouldBe(minor);

    [Theory]
    [InlineData("GBP", 30L)]
    [InlineData("USD", 50L)]
    [InlineData("JPY", 50L)]
    [InlineData("HUF", 17_500L)]
    [InlineData("KWD", null)] // no published minimum: Stripe checks it itself
    public void Stripe_minimums_are_known_where_Stripe_publishes_them(string currency, long? minimum) =>
        StripeAmounts.Minimum(currency).ShouldBe(minimum);

    [Theory]
    [InlineData("GBP", true)]
    [InlineData("KWD", true)]
    [InlineData("IQD", false)] // three decimals in ISO, not a Stripe presentment currency
    [InlineData("XYZ", false)]
    public void Only_currencies_Stripe_can_charge_are_offered_online(string currency, bool supported) =>
        StripeAmounts.IsSupported(currency).ShouldBe(supported);
}
