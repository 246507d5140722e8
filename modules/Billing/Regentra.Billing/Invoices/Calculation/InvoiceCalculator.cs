using System.Globalization;
using Regentra.Billing.Contracts.Agreements;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Framework.Money;

namespace Regentra.Billing.Invoices.Calculation;

/// <summary>
/// Turns a period's agreements and approved billable time into invoice lines. Pure and deterministic.
/// <list type="bullet">
/// <item>Each entry is billed under the agreement in effect on its work date; days without one bill hourly at the
/// organisation's default rate.</item>
/// <item>Billed minutes: rounded up to the agreement's increment, then at least its minimum; actual minutes are kept.</item>
/// <item>Amounts are computed from exact minutes (rate × minutes ÷ 60) and rounded once per line to the currency's
/// minor unit, half away from zero. Tax is rounded once on the subtotal. The total is the sum of the lines plus tax.</item>
/// <item>Proration: a monthly fee (and a block's included hours) is charged per calendar month in proportion to the
/// days of that month the agreement covers inside the period: fee × covered days ÷ days in the month.</item>
/// <item>Block hours: hours rolled in from last month are used first (they expire), then this month's included hours,
/// then overage. With roll-over on, this month's unused included hours carry into the next month only.</item>
/// </list>
/// </summary>
internal static class InvoiceCalculator
{
    public static InvoiceCalculation Calculate(CalculationInput input)
    {
        var lines = new List<CalculatedLine>();
        var locked = new List<Guid>();
        var covered = 0;
        var (defaultMinutes, defaultEntries) = (0, 0);
        var blockMinutes = new Dictionary<AgreementTerms, decimal>();
        var timeLines = new List<CalculatedLine>();

        foreach (var entry in input.Entries.OrderBy(e => e.WorkDate).ThenBy(e => e.TechnicianName, StringComparer.Ordinal))
        {
            var agreement = input.Agreements.FirstOrDefault(a => a.Covers(entry.WorkDate));
            switch (agreement?.Type)
            {
                case null when input.DefaultHourlyRate is { } rate:
                    timeLines.Add(TimeLine(entry, entry.Minutes, rate, input.Currency));
                    (defaultMinutes, defaultEntries) = (defaultMinutes + entry.Minutes, defaultEntries + 1);
                    break;
                case null:
                    continue; // no rate applies: the caller refuses to invoice before calling (see InvoiceBuilder)
                case AgreementType.Hourly:
                    timeLines.Add(TimeLine(entry, Billed(entry.Minutes, agreement.Rounding), agreement.HourlyRate ?? 0m, input.Currency));
                    break;
                case AgreementType.MonthlyRecurring:
                    covered += entry.Minutes;
                    break;
                case AgreementType.BlockHours:
                    blockMinutes[agreement] = blockMinutes.GetValueOrDefault(agreement) + Billed(entry.Minutes, agreement.Rounding);
                    break;
            }

            locked.Add(entry.Id);
        }

        BlockUsage? block = null;
        var rolledIn = input.RolledInHours * 60m;
        foreach (var agreement in input.Agreements.Where(a => a.Type != AgreementType.Hourly))
        {
            var share = MonthShares(agreement, input.From, input.To);
            if (share.Count == 0)
            {
                continue;
            }

            lines.Add(FeeLine(agreement, share, input.Currency));
            if (agreement.Type == AgreementType.BlockHours)
            {
                var (usage, overage) = DrawBlock(agreement, share, blockMinutes.GetValueOrDefault(agreement), rolledIn, input);
                rolledIn = 0m;
                block = block is null ? usage : Sum(block, usage);
                if (overage is not null)
                {
                    lines.Add(overage);
                }
            }
        }

        lines.AddRange(timeLines);
        return InvoiceCalculation.Of(lines, input.TaxRatePercent, locked, covered, defaultMinutes, defaultEntries, block);
    }

    /// <summary>Rounded up to the increment, then raised to the minimum.</summary>
    public static int Billed(int actualMinutes, RoundingRule? rule)
    {
        if (rule is null)
        {
            return actualMinutes;
        }

        var billed = rule.IncrementMinutes > 0
            ? (actualMinutes + rule.IncrementMinutes - 1) / rule.IncrementMinutes * rule.IncrementMinutes
            : actualMinutes;
        return Math.Max(billed, rule.MinimumMinutes);
    }

    private static CalculatedLine TimeLine(EntryToBill entry, int billedMinutes, decimal rate, string currency) => new(
        InvoiceLineKind.Time, entry.WorkDate, entry.TechnicianName, entry.TicketNumber, entry.Description,
        Hours(billedMinutes), rate, MoneyMath.TimeAmountMinor(billedMinutes, rate, currency), entry.Minutes, billedMinutes, entry.Id);

    /// <summary>For each calendar month the agreement covers inside [from, to): (month start, covered days, days in month).</summary>
    public static List<(DateOnly Month, int Covered, int Days)> MonthShares(AgreementTerms agreement, DateOnly from, DateOnly to)
    {
        var shares = new List<(DateOnly, int, int)>();
        var start = Max(from, agreement.From);
        var end = agreement.To is { } until && until < to ? until : to;
        for (var month = new DateOnly(start.Year, start.Month, 1); month < end; month = month.AddMonths(1))
        {
            var next = month.AddMonths(1);
            var covered = Min(end, next).DayNumber - Max(start, month).DayNumber;
            if (covered > 0)
            {
                shares.Add((month, covered, next.DayNumber - month.DayNumber));
            }
        }

        return shares;
    }

    private static CalculatedLine FeeLine(AgreementTerms agreement, List<(DateOnly Month, int Covered, int Days)> shares, string currency)
    {
        var fee = agreement.MonthlyFee ?? 0m;
        var amount = shares.Sum(s => MoneyMath.ToMinor(fee * s.Covered / s.Days, currency));
        var months = shares.Count;
        var whole = shares.All(s => s.Covered == s.Days);
        var what = agreement.Type == AgreementType.BlockHours
            ? $"Block of {agreement.IncludedHours?.ToString("0.##", CultureInfo.InvariantCulture)} hours a month"
            : $"Monthly fee{(string.IsNullOrWhiteSpace(agreement.Scope) ? string.Empty : $": {agreement.Scope}")}";
        var when = string.Join(", ", shares.Select(s => s.Covered == s.Days
            ? s.Month.ToString("MMMM yyyy", CultureInfo.InvariantCulture)
            : $"{s.Month.ToString("MMMM yyyy", CultureInfo.InvariantCulture)} ({s.Covered}/{s.Days} days)"));
        var quantity = whole ? months : Math.Round(shares.Sum(s => (decimal)s.Covered / s.Days), 4, MidpointRounding.AwayFromZero);
        return new CalculatedLine(InvoiceLineKind.Fee, null, null, null, $"{what} — {when}", quantity, fee, amount, null, null, null);
    }

    private static (BlockUsage Usage, CalculatedLine? Overage) DrawBlock(
        AgreementTerms agreement, List<(DateOnly Month, int Covered, int Days)> shares, decimal usedMinutes, decimal rolledInMinutes, CalculationInput input)
    {
        var (from, to) = (input.From, input.To);
        var includedMinutes = shares.Sum(s => (agreement.IncludedHours ?? 0m) * 60m * s.Covered / s.Days);
        var fromRolled = Math.Min(usedMinutes, rolledInMinutes);
        var fromIncluded = Math.Min(usedMinutes - fromRolled, includedMinutes);
        var overageMinutes = usedMinutes - fromRolled - fromIncluded;

        // Carrying over only makes sense for one whole calendar month: the next month's invoice can then use it.
        var singleMonth = from.Day == 1 && to == from.AddMonths(1);
        var carried = agreement.Rollover && singleMonth ? includedMinutes - fromIncluded : 0m;
        var usage = new BlockUsage(Hours(includedMinutes), Hours(rolledInMinutes), Hours(usedMinutes), Hours(overageMinutes), Hours(carried));
        var overage = overageMinutes <= 0 ? null : new CalculatedLine(InvoiceLineKind.Overage, null, null, null,
            $"Overage: {usage.OverageHours:0.00} h above {Hours(includedMinutes + rolledInMinutes):0.##} included hours",
            usage.OverageHours, agreement.OverageRate ?? 0m, MoneyMath.ToMinor((agreement.OverageRate ?? 0m) * overageMinutes / 60m, input.Currency),
            null, (int)decimal.Round(overageMinutes, MidpointRounding.AwayFromZero), null);
        return (usage, overage);
    }

    private static BlockUsage Sum(BlockUsage a, BlockUsage b) => new(
        a.IncludedHours + b.IncludedHours, a.RolledInHours + b.RolledInHours, a.UsedHours + b.UsedHours,
        a.OverageHours + b.OverageHours, a.CarriedOutHours + b.CarriedOutHours);

    private static decimal Hours(decimal minutes) => decimal.Round(minutes / 60m, 2, MidpointRounding.AwayFromZero);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
