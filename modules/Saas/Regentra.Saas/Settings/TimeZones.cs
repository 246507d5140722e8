namespace Regentra.Saas.Settings;

internal static class TimeZones
{
    /// <summary>True for an IANA time zone id this machine knows (e.g. Europe/London, Pacific/Auckland, UTC).</summary>
    public static bool IsValidIana(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;
}
