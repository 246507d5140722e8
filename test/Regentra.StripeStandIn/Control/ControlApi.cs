using Regentra.StripeStandIn.Wire;

namespace Regentra.StripeStandIn.Control;

/// <summary>
/// The control API under /_standin (JSON, no authentication): what tests and people use to create accounts, act as the
/// customer, settle payments, steer and inspect webhook delivery, arm faults and reset. Documented in README.md.
/// </summary>
internal static class ControlApi
{
    public static void MapControlApi(this WebApplication app)
    {
        var control = app.MapGroup("/_standin").AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (StripeApiException error)
            {
                return StripeJson.Result(error.ToJson(), error.Status);
            }
        }).DisableAntiforgery();

        AccountControl.Map(control);
        PaymentControl.Map(control);
        EventControl.Map(control);
        DeliveryControl.Map(control);
        DiagnosticsControl.Map(control);
    }
}
