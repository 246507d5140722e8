namespace Regentra.StripeStandIn.Model;

/// <summary>One <c>line_items[n]</c> of a Checkout Session, priced inline with <c>price_data</c>. Amounts in minor units.</summary>
internal sealed record LineItem(string Name, string? Description, string Currency, long UnitAmount, long Quantity)
{
    public long Amount => UnitAmount * Quantity;
}
