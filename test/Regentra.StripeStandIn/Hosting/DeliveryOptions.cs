namespace Regentra.StripeStandIn.Hosting;

/// <summary>How webhook deliveries are attempted: short by default, so tests see failures quickly.</summary>
internal sealed class DeliveryOptions
{
    /// <summary>Attempts per event and endpoint, the first included.</summary>
    public int Attempts { get; set; } = 3;

    public int RetryDelayMilliseconds { get; set; } = 200;

    public int TimeoutSeconds { get; set; } = 5;
}
