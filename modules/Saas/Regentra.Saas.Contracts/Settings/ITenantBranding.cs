namespace Regentra.Saas.Contracts.Settings;

/// <summary>The organisation's logo: PNG or JPEG bytes. <paramref name="Version"/> changes with the image (for caching).</summary>
public sealed record TenantLogoDto(string ContentType, byte[] Content, string Version);

/// <summary>Integration service: the current organisation's logo, for invoices and the pay page (null when it has none).</summary>
public interface ITenantBranding
{
    Task<TenantLogoDto?> GetLogoAsync(CancellationToken cancellationToken = default);
}
