namespace Regentra.Framework.MultiTenancy;

/// <summary>
/// AsyncLocal-backed current tenant. The value flows with the async call chain, so parallel
/// requests and jobs never see each other's tenant, and a scope opened in a callee does not leak
/// back to the caller once disposed.
/// </summary>
public sealed class CurrentTenant : ICurrentTenant
{
    private static readonly AsyncLocal<TenantHolder?> Current = new();

    public Guid? Id => Current.Value?.TenantId;

    public bool IsAvailable => Id.HasValue;

    public IDisposable Change(Guid? tenantId)
    {
        var previous = Current.Value;
        Current.Value = new TenantHolder(tenantId);
        return new RestoreScope(previous);
    }

    private sealed record TenantHolder(Guid? TenantId);

    private sealed class RestoreScope(TenantHolder? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Current.Value = previous;
        }
    }
}
