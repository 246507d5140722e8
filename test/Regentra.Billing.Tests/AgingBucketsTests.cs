using Regentra.Billing.Reports;

namespace Regentra.Billing.Tests;

/// <summary>Which aging bucket an amount falls in, by days past its due date.</summary>
public sealed class AgingBucketsTests
{
    private static readonly DateOnly Due = new(2026, 3, 16);

    [Theory]
    [InlineData(-10, "Current")]
    [InlineData(0, "Current")] // due today is not yet late
    [InlineData(1, "Days1To30")]
    [InlineData(30, "Days1To30")]
    [InlineData(31, "Days31To60")]
    [InlineData(60, "Days31To60")]
    [InlineData(61, "Days61To90")]
    [InlineData(90, "Days61To90")]
    [InlineData(91, "Over90")]
    [InlineData(400, "Over90")]
    public void An_amount_ages_by_whole_days_past_its_due_date(int daysAfterDue, string bucket) =>
        AgingBuckets.For(Due, Due.AddDays(daysAfterDue)).ToString().ShouldBe(bucket);
}
