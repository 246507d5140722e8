using System.Text;
using System.Text.Encodings.Web;
using Regentra.StripeStandIn.Model;
using Regentra.StripeStandIn.Wire;

namespace Regentra.StripeStandIn.Checkout;

/// <summary>The hosted checkout page and receipt: plain, accessible HTML without JavaScript.</summary>
internal static class CheckoutPageHtml
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f6f8fa;color:#1f2328;margin:0}
        main{max-width:30rem;margin:3rem auto;background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:2rem}
        h1{font-size:1.5rem;margin:.25rem 0 1rem}.merchant{color:#59636e;margin:0}
        table{width:100%;border-collapse:collapse;margin:1rem 0}caption{text-align:left}td{padding:.4rem 0;border-bottom:1px solid #eaeef2}td.amount{text-align:right}
        .alert{background:#ffebe9;border:1px solid #ff8182;border-radius:6px;padding:.75rem}
        .notice{background:#ddf4ff;border:1px solid #54aeff;border-radius:6px;padding:.75rem}
        form{display:grid;gap:.5rem;margin-top:1.5rem}
        button{font:inherit;padding:.7rem;border-radius:6px;border:1px solid #d0d7de;background:#f6f8fa;cursor:pointer}
        button.primary{background:#1f6feb;border-color:#1f6feb;color:#fff}
        footer{color:#59636e;font-size:.85rem;margin-top:1.5rem}
        """;

    public static string Page(CheckoutSession session, PaymentIntent? attempt)
    {
        var amount = StripeCurrencies.Format(session.AmountTotal, session.Currency);
        var body = new StringBuilder();
        body.Append($"<p class=\"merchant\">{E(session.Account.Name)}</p>");
        body.Append($"<h1>Pay {E(amount)} for {E(session.Title)}</h1>");
        body.Append("<table><caption class=\"merchant\">What you are paying for</caption><tbody>");
        foreach (var line in session.LineItems)
        {
            var description = line.Description is null ? "" : $"<br><small>{E(line.Description)}</small>";
            var quantity = line.Quantity == 1 ? "" : $" × {line.Quantity}";
            body.Append($"<tr><td>{E(line.Name)}{quantity}{description}</td><td class=\"amount\">{E(StripeCurrencies.Format(line.Amount, line.Currency))}</td></tr>");
        }

        body.Append($"<tr><td><strong>Total</strong></td><td class=\"amount\"><strong>{E(amount)}</strong></td></tr></tbody></table>");
        if (session.Status == CheckoutSession.Open)
        {
            if (attempt?.LastPaymentError is { } error)
            {
                body.Append($"<p class=\"alert\" role=\"alert\">{E(error.Message.TrimEnd('.'))}. Try again, or choose another way to pay.</p>");
            }

            body.Append("<form method=\"post\">");
            body.Append("<button class=\"primary\" type=\"submit\" name=\"action\" value=\"card\">Pay</button>");
            body.Append("<button type=\"submit\" name=\"action\" value=\"async\">Pay later (bank debit)</button>");
            body.Append("<button type=\"submit\" name=\"action\" value=\"decline\">Decline</button>");
            body.Append("<button type=\"submit\" name=\"action\" value=\"cancel\">Cancel</button>");
            body.Append("</form>");
        }
        else
        {
            var state = session.Status == CheckoutSession.Expired
                ? "This checkout session has expired. Ask for a new payment link."
                : session.PaymentStatus == "paid"
                    ? "This checkout session is complete: it has been paid."
                    : "This checkout session is complete: the bank debit is being processed.";
            body.Append($"<p class=\"notice\" role=\"status\">{E(state)}</p>");
        }

        return Document($"Pay {amount} – {session.Account.Name}", body.ToString());
    }

    public static string Receipt(Charge charge)
    {
        var amount = StripeCurrencies.Format(charge.Amount, charge.Currency);
        var refunded = charge.AmountRefunded > 0 ? $"<p>Refunded: {E(StripeCurrencies.Format(charge.AmountRefunded, charge.Currency))}</p>" : "";
        var body = $"<p class=\"merchant\">{E(charge.Account.Name)}</p><h1>Receipt for {E(amount)}</h1>"
            + $"<p>{E(charge.Description ?? "Payment")}</p><p>Status: {E(charge.Status)}</p>{refunded}<p><small>{E(charge.Id)}</small></p>";
        return Document($"Receipt {amount} – {charge.Account.Name}", body);
    }

    public static string NotFound(string id) =>
        Document("Checkout session not found", $"<h1>Checkout session not found</h1><p>No checkout session has the id {E(id)}.</p>");

    private static string Document(string title, string body) =>
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + $"<title>{E(title)}</title><style>{Style}</style></head><body><main>{body}"
        + "<footer>Regentra's local Stripe stand-in for tests and demos. This is not Stripe and no money moves.</footer></main></body></html>";

    private static string E(string text) => HtmlEncoder.Default.Encode(text);
}
