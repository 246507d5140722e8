namespace Regentra.Saas;

internal sealed class SaasOptions
{
    public const string Section = "Saas";

    /// <summary>
    /// How long a host keeps a user's access (active flag, roles, permissions) and a tenant's status in
    /// memory. Changes made on this host take effect at once; on other hosts of a scaled-out deployment
    /// within this many seconds.
    /// </summary>
    public int AccessCacheSeconds { get; set; } = 30;

    /// <summary>Lifetime of bearer tokens from POST /api/account/token.</summary>
    public int AccessTokenMinutes { get; set; } = 60;

    /// <summary>How long an emailed password reset link works (it also stops working once used).</summary>
    public int PasswordResetMinutes { get; set; } = 60;

    /// <summary>Sign-in, token and signup requests allowed per client IP per minute.</summary>
    public int AnonymousRequestsPerMinute { get; set; } = 20;
}
