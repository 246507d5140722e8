namespace Regentra.Framework;

/// <summary>Names of the host's rate-limit policies, shared by the modules whose anonymous endpoints use them.</summary>
public static class RateLimits
{
    /// <summary>Anonymous endpoints that check passwords, create accounts or open payment pages: a fixed window per client address.</summary>
    public const string Anonymous = "anonymous";
}
