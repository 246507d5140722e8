namespace Regentra.StripeStandIn;

/// <summary>
/// A type from the stand-in's entry assembly, for <c>WebApplicationFactory&lt;StandInEntryPoint&gt;</c>:
/// the factory runs this assembly's Main and hosts what it builds.
/// </summary>
public sealed class StandInEntryPoint
{
    private StandInEntryPoint()
    {
    }

    /// <summary>Where <c>dotnet run</c> listens unless <c>--urls</c> (or ASPNETCORE_URLS) says otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:12111";
}
