namespace Regentra.Framework.Caching;

/// <summary>
/// "What you cached under this region and key is out of date": sent when a user, role, organisation or its settings
/// change, applied on this host at once and on every other host sharing the database (see <see cref="ICacheSignals"/>).
/// </summary>
/// <param name="Region">Which cache, e.g. <c>saas:session</c>; <see cref="Everything"/> drops all of them.</param>
/// <param name="Key">Which entry in that cache, in the region's own text form.</param>
public sealed record CacheSignal(string Region, string Key)
{
    /// <summary>The region that means every cache: sent to itself by a host that may have missed signals.</summary>
    public const string Everything = "*";
}
