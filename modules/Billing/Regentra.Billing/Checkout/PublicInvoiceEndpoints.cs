using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Regentra.Billing.Contracts.Payments;
using Regentra.Billing.Invoices;
using Regentra.Billing.Invoices.Pdf;
using Regentra.Framework;
using Regentra.Saas.Contracts.Settings;

namespace Regentra.Billing.Checkout;

/// <summary>
/// The pay link, anonymous: /api/public/invoices/{token} for the web app, and /pay/{token}, a plain page that works
/// without JavaScript.
/// </summary>
internal static class PublicInvoiceEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var invoices = app.MapGroup("/api/public/invoices").WithTags("Public").AllowAnonymous();
        invoices.MapGet("/{token}", GetAsync)
            .WithSummary("What the holder of a pay link may see of the invoice: organisation, number, dates, amounts paid and due, status, and whether it can be paid online now.");
        invoices.MapPost("/{token}/checkout", CheckoutAsync).RequireRateLimiting(RateLimits.Anonymous)
            .WithSummary("A Stripe Checkout page on the organisation's account for the amount due now. The same page comes back while it is open; 409 when nothing can be paid online.");
        invoices.MapGet("/{token}/pdf", PdfAsync).WithSummary("The invoice as PDF.");
        invoices.MapGet("/{token}/logo", LogoAsync).WithSummary("The organisation's logo, for the pay page (404 when it has none).");

        app.MapGet("/pay/{token}", PayPageAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/pay/{token}/checkout", PayPageCheckoutAsync).AllowAnonymous().RequireRateLimiting(RateLimits.Anonymous).ExcludeFromDescription();
    }

    private static async Task<Ok<PublicInvoiceDto>> GetAsync(string token, PublicInvoices invoices, CancellationToken cancellationToken) =>
        TypedResults.Ok(await invoices.WithInvoiceAsync(token, invoice => invoices.ToDtoAsync(invoice, cancellationToken), cancellationToken));

    private static async Task<Ok<CheckoutResponse>> CheckoutAsync(string token, PublicInvoices invoices, CheckoutStarter starter, CancellationToken cancellationToken) =>
        TypedResults.Ok(await invoices.WithInvoiceAsync(token, invoice => starter.StartAsync(invoice, cancellationToken), cancellationToken));

    private static async Task<FileContentHttpResult> PdfAsync(
        string token, PublicInvoices invoices, InvoiceDocuments documents, IInvoicePdfRenderer renderer, CancellationToken cancellationToken) =>
        await invoices.WithInvoiceAsync(token, async invoice =>
            TypedResults.File(renderer.Render(await documents.BuildAsync(invoice, cancellationToken)), "application/pdf", $"{invoice.Number}.pdf"), cancellationToken);

    private static async Task<IResult> LogoAsync(string token, PublicInvoices invoices, ITenantBranding branding, HttpContext http, CancellationToken cancellationToken) =>
        await invoices.WithInvoiceAsync<IResult>(token, async _ =>
        {
            if (await branding.GetLogoAsync(cancellationToken) is not { } logo)
            {
                throw new Regentra.Framework.Errors.BusinessException(Regentra.Framework.Errors.FrameworkErrorCodes.NotFound, "This organisation has no logo.", StatusCodes.Status404NotFound);
            }

            // The URL carries the version, so a browser may keep it; a new logo gets a new URL.
            http.Response.Headers.CacheControl = "public, max-age=86400";
            return TypedResults.File(logo.Content, logo.ContentType);
        }, cancellationToken);

    private static async Task<ContentHttpResult> PayPageAsync(string token, string? checkout, PublicInvoices invoices, CancellationToken cancellationToken) =>
        await invoices.WithInvoiceAsync(token, async invoice => PayPage.Render(token, await invoices.ToDtoAsync(invoice, cancellationToken), checkout, null),
            cancellationToken);

    private static async Task<IResult> PayPageCheckoutAsync(string token, PublicInvoices invoices, CheckoutStarter starter, CancellationToken cancellationToken) =>
        await invoices.WithInvoiceAsync<IResult>(token, async invoice =>
        {
            try
            {
                return new SeeOther((await starter.StartAsync(invoice, cancellationToken)).Url);
            }
            catch (Regentra.Framework.Errors.BusinessException e)
            {
                return PayPage.Render(token, await invoices.ToDtoAsync(invoice, cancellationToken), null, e.Message, e.StatusCode);
            }
        }, cancellationToken);

    /// <summary>303 See Other: after the form's POST the browser GETs Stripe's page.</summary>
    private sealed class SeeOther(string url) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = url;
            return Task.CompletedTask;
        }
    }
}
