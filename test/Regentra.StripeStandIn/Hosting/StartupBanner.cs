using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Regentra.StripeStandIn.Model;
using Regentra.StripeStandIn.State;

namespace Regentra.StripeStandIn.Hosting;

/// <summary>Tells the person who typed "dotnet run" where the stand-in is and which keys to use, in one line.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var listening = string.Join(", ", addresses.Select(PublicUrls.Reachable));
        var store = app.Services.GetRequiredService<StandInStore>();
        Console.WriteLine($"Stripe stand-in (not Stripe) listening on {listening}; set Stripe:ApiBase to it. Demo keys: {Keys(store)}. Control API: /_standin (see README.md).");
    }

    public static string Summary(StandInStore store, string baseUrl) =>
        $"Regentra's local stand-in for Stripe's API (for tests and demos; it is not Stripe).\n"
        + $"API base: {baseUrl} (Stripe:ApiBase; Stripe.net adds /v1)\nDemo keys: {Keys(store)}\nControl API: {baseUrl}/_standin/... (see README.md)\n";

    private static string Keys(StandInStore store) => string.Join("; ", store.Accounts().Where(a => a.Seeded).Select(a =>
        $"{a.Id} ({(a.Livemode ? "live" : "test")}) {string.Join(" ", new[] { a.KeyOf(KeyKind.Secret), a.KeyOf(KeyKind.Restricted), a.KeyOf(KeyKind.Publishable) }.OfType<string>())}"));
}
