using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Contracts.Payments;
using Regentra.Framework.Money;

namespace Regentra.Billing.Checkout;

/// <summary>
/// /pay/{token} as plain HTML: the invoice summary, what is due and a Pay button that posts to Stripe Checkout. It needs
/// no JavaScript, so every client can pay even before (or without) the web app's own pay page.
/// </summary>
internal static class PayPage
{
    public static ContentHttpResult Render(string token, PublicInvoiceDto invoice, string? checkout, string? error, int status = StatusCodes.Status200OK)
    {
        string Money(decimal amount) => $"{amount.ToString("N" + Currencies.MinorUnits(invoice.Currency), CultureInfo.InvariantCulture)} {invoice.Currency}";
        var notice = (checkout, invoice.Status) switch
        {
            (_, InvoiceStatus.Paid) => Notice("ok", "This invoice is paid. Thank you!"),
            ("success", _) when invoice.PaymentProcessing => Notice("ok", "Thank you: your payment is on its way. It can take a few days to clear."),
            ("success", _) => Notice("ok", "Thank you: your payment is being confirmed. Refresh this page in a moment to see it."),
            ("cancelled", _) => Notice("info", "Payment cancelled: nothing was charged. You can pay whenever you are ready."),
            _ => string.Empty,
        };
        var action = invoice.OnlinePaymentAvailable
            ? $"""<form method="post" action="/pay/{Html(token)}/checkout"><button type="submit">Pay {Html(Money(invoice.AmountDue))} now</button></form>"""
            : invoice.OnlinePaymentUnavailableReason is { } reason && invoice.Status != InvoiceStatus.Paid ? $"<p>{Html(reason)}</p>" : string.Empty;
        var html = $$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Invoice {{Html(invoice.Number)}} from {{Html(invoice.OrganizationName)}}</title>
            <style>
              body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: #f5f6f8; color: #1d232b; margin: 0; }
              main { max-width: 34rem; margin: 2rem auto; background: #fff; border-radius: 12px; padding: 2rem; box-shadow: 0 1px 4px rgba(0,0,0,.08); }
              h1 { font-size: 1.35rem; margin: 0 0 .25rem; } .from { color: #5b6570; margin: 0 0 1.5rem; }
              dl { display: grid; grid-template-columns: 1fr auto; gap: .4rem 1rem; margin: 0 0 1.5rem; } dt { color: #5b6570; } dd { margin: 0; text-align: right; }
              .due { font-size: 1.2rem; font-weight: 600; } .notice { padding: .75rem 1rem; border-radius: 8px; margin: 0 0 1.5rem; }
              .ok { background: #e6f4ea; } .info { background: #e8f0fe; } .error { background: #fce8e6; }
              .logo { display: block; max-width: 12rem; max-height: 4rem; margin: 0 0 1.25rem; }
              button { font: inherit; font-weight: 600; background: #2457c5; color: #fff; border: 0; border-radius: 8px; padding: .8rem 1.4rem; cursor: pointer; width: 100%; }
              button:focus-visible { outline: 3px solid #9bb8f0; outline-offset: 2px; } a { color: #2457c5; }
            </style>
            </head>
            <body>
            <main>
              {{(invoice.LogoUrl is null ? string.Empty : $"""<img class="logo" src="{Html(invoice.LogoUrl)}" alt="{Html(invoice.OrganizationName)}">""")}}
              <h1>Invoice {{Html(invoice.Number)}}</h1>
              <p class="from">From {{Html(invoice.OrganizationName)}} to {{Html(invoice.ClientName)}}</p>
              {{notice}}{{(error is null ? string.Empty : Notice("error", error))}}
              <dl>
                <dt>Issued</dt><dd>{{invoice.IssueDate:d MMMM yyyy}}</dd>
                <dt>Due</dt><dd>{{invoice.DueDate:d MMMM yyyy}}</dd>
                <dt>Status</dt><dd>{{Html(StatusText(invoice.Status))}}</dd>
                <dt>Total</dt><dd>{{Html(Money(invoice.Total))}}</dd>
                <dt>Paid</dt><dd>{{Html(Money(invoice.AmountPaid))}}</dd>
                <dt class="due">Amount due</dt><dd class="due">{{Html(Money(invoice.AmountDue))}}</dd>
              </dl>
              {{action}}
              <p><a href="/api/public/invoices/{{Html(token)}}/pdf">Download the invoice (PDF)</a></p>
            </main>
            </body>
            </html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    private static string Notice(string kind, string text) => $"""<p class="notice {kind}" role="status">{Html(text)}</p>""";

    private static string StatusText(InvoiceStatus status) => status switch
    {
        InvoiceStatus.PartiallyPaid => "Partially paid",
        InvoiceStatus.Void => "Void (cancelled)",
        _ => status.ToString(),
    };

    private static string Html(string value) => WebUtility.HtmlEncode(value);
}
