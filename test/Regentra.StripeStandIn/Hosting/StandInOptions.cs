namespace Regentra.StripeStandIn.Hosting;

/// <summary>The "StandIn" configuration section (appsettings.json, environment, command line).</summary>
internal sealed class StandInOptions
{
    public const string Section = "StandIn";

    /// <summary>Base URL the browser uses to reach the hosted checkout page; empty means the address the stand-in listens on.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>The API version of accounts, events and of endpoints created without one.</summary>
    public string DefaultApiVersion { get; set; } = "2026-10-28.endive";

    public DeliveryOptions Delivery { get; set; } = new();

    /// <summary>Accounts that exist from start-up and survive a reset, with stable keys.</summary>
    public List<SeedAccountOptions> Accounts { get; set; } = [];
}
