namespace Regentra.StripeStandIn.Hosting;

/// <summary>An account created at start-up (and again by a reset) with fixed id and keys.</summary>
internal sealed class SeedAccountOptions
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Email { get; set; }

    public string Country { get; set; } = "GB";

    public string DefaultCurrency { get; set; } = "gbp";

    public bool Livemode { get; set; }

    public string PublishableKey { get; set; } = "";

    public string SecretKey { get; set; } = "";

    /// <summary>Optional restricted key (rk_...): may read and take payments, may not manage webhook endpoints or refund.</summary>
    public string? RestrictedKey { get; set; }
}
