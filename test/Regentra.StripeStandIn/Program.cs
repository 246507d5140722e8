using Regentra.StripeStandIn.Hosting;

namespace Regentra.StripeStandIn;

/// <summary>
/// Entry point. Deliberately not a global top-level Program: the product host has one, and test projects reference
/// both assemblies. Tests use <see cref="StandInEntryPoint"/> with WebApplicationFactory instead.
/// </summary>
internal static class Program
{
    private static Task Main(string[] args) => StandInApp.Build(args).RunAsync();
}
