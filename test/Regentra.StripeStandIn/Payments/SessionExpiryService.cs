namespace Regentra.StripeStandIn.Payments;

/// <summary>Looks for sessions past their expires_at every few seconds, so checkout.session.expired is sent without anyone asking.</summary>
internal sealed class SessionExpiryService(SessionExpiry expiry, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            expiry.ExpireAllDue();
        }
    }
}
