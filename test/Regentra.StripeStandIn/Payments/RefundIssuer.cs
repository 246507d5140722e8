using System.Text.Json.Nodes;
using Regentra.StripeStandIn.Events;
using Regentra.StripeStandIn.Model;
using Regentra.StripeStandIn.State;
using Regentra.StripeStandIn.Wire;

namespace Regentra.StripeStandIn.Payments;

/// <summary>
/// Refunds a succeeded charge in full or in part: refund.created, then charge.refunded (with previous_attributes).
/// Card refunds succeed at once; a bank debit's refund is pending until settled (refund.updated).
/// </summary>
internal sealed class RefundIssuer(StandInStore store, EventPublisher events)
{
    private static readonly HashSet<string> Reasons = ["duplicate", "fraudulent", "requested_by_customer"];

    public Refund Create(Account account, string? chargeId, string? paymentIntentId, long? amount, string? reason, Dictionary<string, string> metadata, EventOrigin origin)
    {
        lock (store.Sync)
        {
            var charge = ChargeToRefund(account, chargeId, paymentIntentId);
            if (reason is not null && !Reasons.Contains(reason))
            {
                throw StripeApiException.BadRequest($"Invalid reason: must be one of {string.Join(", ", Reasons)}", "reason");
            }

            if (charge.Refunded)
            {
                throw StripeApiException.BadRequest($"Charge {charge.Id} has already been refunded.", "charge", "charge_already_refunded");
            }

            var refundAmount = amount ?? charge.Refundable;
            if (refundAmount <= 0)
            {
                throw StripeApiException.BadRequest("Invalid positive integer: a refund amount must be at least 1.", "amount", "parameter_invalid_integer");
            }

            if (refundAmount > charge.Refundable)
            {
                throw StripeApiException.BadRequest(
                    $"Refund amount ({StripeCurrencies.Format(refundAmount, charge.Currency)}) is greater than unrefunded amount on charge ({StripeCurrencies.Format(charge.Refundable, charge.Currency)})",
                    "amount", "amount_too_large");
            }

            var refund = store.Add(new Refund(StripeIds.Refund(), account, store.Now)
            {
                Amount = refundAmount,
                Currency = charge.Currency,
                ChargeId = charge.Id,
                PaymentIntentId = charge.PaymentIntentId,
                Status = charge.MethodType == Charge.SepaDebit ? "pending" : "succeeded",
                Reason = reason,
                Metadata = metadata,
            });
            var previous = new JsonObject { ["amount_refunded"] = charge.AmountRefunded, ["refunded"] = charge.Refunded };
            charge.AmountRefunded += refundAmount;
            events.Publish("refund.created", refund, origin);
            events.Publish("charge.refunded", charge, origin, previous);
            return refund;
        }
    }

    /// <summary>A pending refund succeeds, or fails and gives the amount back to the charge's refundable balance.</summary>
    public Refund Settle(Refund refund, bool succeed)
    {
        lock (store.Sync)
        {
            if (refund.Status != "pending")
            {
                throw StripeApiException.BadRequest($"Refund {refund.Id} is {refund.Status}; only a pending refund can be settled.", "refund");
            }

            refund.Status = succeed ? "succeeded" : "failed";
            if (!succeed)
            {
                store.FindAny<Charge>(refund.ChargeId)!.AmountRefunded -= refund.Amount;
            }

            events.Publish("refund.updated", refund, EventOrigin.None, new JsonObject { ["status"] = "pending" });
            return refund;
        }
    }

    private Charge ChargeToRefund(Account account, string? chargeId, string? paymentIntentId)
    {
        if (chargeId is null && paymentIntentId is null)
        {
            throw StripeApiException.BadRequest("One of the following params should be provided for this request: payment_intent or charge.", "charge", "parameter_missing");
        }

        Charge charge;
        if (chargeId is not null)
        {
            charge = store.Find<Charge>(account, chargeId) ?? throw StripeApiException.NoSuch("charge", chargeId, "charge");
        }
        else
        {
            var intent = store.Find<PaymentIntent>(account, paymentIntentId!) ?? throw StripeApiException.NoSuch("payment_intent", paymentIntentId!, "payment_intent");
            charge = intent.Status == PaymentIntent.Succeeded ? store.FindAny<Charge>(intent.LatestChargeId!)! : throw StripeApiException.BadRequest(
                $"This PaymentIntent ({intent.Id}) does not have a successful charge to refund.", "payment_intent", "charge_not_refundable");
        }

        return charge.Paid ? charge : throw StripeApiException.BadRequest(
            $"Charge {charge.Id} has not succeeded ({charge.Status}), so it cannot be refunded.", "charge", "charge_not_refundable");
    }
}
