using System.Globalization;
using Regentra.Framework.Caching;

namespace Regentra.Saas.Caching;

/// <summary>The Saas module's cache signals: what changed, in a form every host can apply (see SaasCacheSignalHandler).</summary>
internal static class SaasCacheRegions
{
    public const string Session = "saas:session";
    public const string UserAccess = "saas:access-user";
    public const string TenantAccess = "saas:access-tenant";
    public const string Tenant = "saas:tenant";
    public const string Settings = "saas:settings";
    public const string Logo = "saas:logo";

    /// <summary>A cookie session ended (sign-out).</summary>
    public static CacheSignal SessionEnded(string sessionKey) => new(Session, sessionKey);

    /// <summary>A user's activity, security stamp or roles changed.</summary>
    public static CacheSignal UserChanged(Guid? tenantId, Guid userId) => new(UserAccess, $"{Text(tenantId)}/{userId:N}");

    /// <summary>What a tenant's roles grant changed: every member's permissions reload.</summary>
    public static CacheSignal RolesChanged(Guid? tenantId) => new(TenantAccess, Text(tenantId));

    /// <summary>An organisation was renamed, suspended or reactivated.</summary>
    public static CacheSignal TenantChanged(Guid tenantId) => new(Tenant, Text(tenantId));

    public static CacheSignal SettingsChanged(Guid tenantId) => new(Settings, Text(tenantId));

    public static CacheSignal LogoChanged(Guid tenantId) => new(Logo, Text(tenantId));

    public static Guid? TenantOf(string text) => text.Length == 0 ? null : Guid.ParseExact(text, "N");

    private static string Text(Guid? tenantId) => tenantId?.ToString("N", CultureInfo.InvariantCulture) ?? "";
}
