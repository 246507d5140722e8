using Microsoft.AspNetCore.Mvc.Testing;

namespace Regentra.TestBase;

/// <summary>
/// The whole application on a real loopback port beside the repo's Stripe stand-in, so that Stripe.net talks to the
/// stand-in over HTTP (Stripe:ApiBase) and the stand-in delivers signed webhooks back to the application, as Stripe
/// would. The business clock starts at the real time: the stand-in checks Checkout expiry times against it.
/// </summary>
public class StripeApp : RegentraApp
{
    private readonly int _port = StripeStandIn.FreePort();

    public StripeApp()
    {
        // Whole seconds: PostgreSQL keeps microseconds, so a tick-precise start would not read back equal.
        var now = DateTimeOffset.UtcNow;
        Clock.SetUtcNow(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)));
    }

    public StripeStandIn Stripe { get; } = new();

    /// <summary>The application's own address (App:PublicUrl): pay links and webhook URLs point here.</summary>
    public string Url => $"http://127.0.0.1:{_port}";

    public override async ValueTask InitializeAsync()
    {
        Stripe.Start();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Stripe.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected override void AddSettings(IDictionary<string, string?> settings)
    {
        settings["App:PublicUrl"] = Url;
        settings["Stripe:ApiBase"] = Stripe.BaseUrl;
    }

    protected override void StartHost()
    {
        UseKestrel(_port);
        StartServer();
    }
}
