using Regentra.Billing.Contracts.Agreements;
using Regentra.Billing.Invoices.Calculation;

namespace Regentra.Billing.Tests;

/// <summary>The rounding rule alone; the full table of agreement maths follows with the invoice services.</summary>
public sealed class InvoiceCalculatorTests
{
    [Theory]
    [InlineData(1, 15, 0, 15)]
    [InlineData(15, 15, 0, 15)]
    [InlineData(16, 15, 0, 30)]
    [InlineData(7, 6, 30, 30)]
    [InlineData(61, 0, 0, 61)]
    [InlineData(10, 0, 30, 30)]
    public void Billed_minutes_round_up_to_the_increment_then_rise_to_the_minimum(int actual, int increment, int minimum, int billed) =>
        InvoiceCalculator.Billed(actual, new RoundingRule(increment, minimum)).ShouldBe(billed);
}
