namespace Regentra.StripeStandIn.Events;

/// <summary>Sends queued events one at a time, in the order they happened.</summary>
internal sealed class WebhookDeliveryService(DeliveryQueue queue, WebhookDispatcher dispatcher) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var delivery in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await dispatcher.DeliverAsync(delivery, stoppingToken);
            }
            finally
            {
                queue.Completed();
            }
        }
    }
}
