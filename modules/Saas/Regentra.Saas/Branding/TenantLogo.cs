using System.Security.Cryptography;
using Regentra.Framework.Data;
using Regentra.Framework.MultiTenancy;

namespace Regentra.Saas.Branding;

/// <summary>The organisation's logo (one per organisation), printed on its invoices and shown on its pay page.</summary>
internal sealed class TenantLogo : AuditedAggregateRoot, IMultiTenant
{
    private TenantLogo()
    {
    }

    public TenantLogo(string contentType, byte[] content) => Replace(contentType, content);

    public Guid? TenantId { get; private set; }

    public string ContentType { get; private set; } = string.Empty;

    public byte[] Content { get; private set; } = [];

    /// <summary>A short hash of the image: its URLs and ETags change exactly when the image does.</summary>
    public string Version { get; private set; } = string.Empty;

    public void Replace(string contentType, byte[] content)
    {
        (ContentType, Content) = (contentType, content);
        Version = Convert.ToHexStringLower(SHA256.HashData(content))[..16];
    }
}
