namespace Regentra.Framework.MultiTenancy;

/// <summary>The tenant the current request or job acts for (null = host side).</summary>
public interface ICurrentTenant
{
    Guid? Id { get; }

    bool IsAvailable { get; }

    /// <summary>
    /// Switches the ambient tenant until the returned scope is disposed, which restores the previous one.
    /// Scopes nest.
    /// </summary>
    IDisposable Change(Guid? tenantId);
}
