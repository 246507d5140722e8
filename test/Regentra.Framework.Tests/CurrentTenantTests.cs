using Regentra.Framework.MultiTenancy;

namespace Regentra.Framework.Tests;

public sealed class CurrentTenantTests
{
    private readonly CurrentTenant _tenant = new();

    [Fact]
    public void Scopes_nest_and_each_restores_the_tenant_before_it()
    {
        var outer = Guid.NewGuid();
        var inner = Guid.NewGuid();

        using (_tenant.Change(outer))
        {
            _tenant.Id.ShouldBe(outer);
            using (_tenant.Change(inner))
            {
                _tenant.Id.ShouldBe(inner);
                using (_tenant.Change(null))
                {
                    _tenant.Id.ShouldBeNull();
                    _tenant.IsAvailable.ShouldBeFalse();
                }

                _tenant.Id.ShouldBe(inner);
            }

            _tenant.Id.ShouldBe(outer);
        }

        _tenant.Id.ShouldBeNull();
    }

    [Fact]
    public void Disposing_a_scope_twice_does_not_undo_an_outer_scope()
    {
        var outer = Guid.NewGuid();
        using var outerScope = _tenant.Change(outer);
        var inner = _tenant.Change(Guid.NewGuid());

        inner.Dispose();
        inner.Dispose();

        _tenant.Id.ShouldBe(outer);
    }

    [Fact]
    public async Task Concurrent_flows_never_see_each_others_tenant()
    {
        var tenants = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();

        var seen = await Task.WhenAll(tenants.Select(async id =>
        {
            using (_tenant.Change(id))
            {
                await Task.Yield();
                await Task.Delay(5, TestContext.Current.CancellationToken);
                return _tenant.Id;
            }
        }));

        seen.ShouldBe(tenants.Cast<Guid?>());
        _tenant.Id.ShouldBeNull();
    }

    [Fact]
    public async Task A_scope_opened_in_a_callee_does_not_leak_back_to_the_caller()
    {
        var caller = Guid.NewGuid();
        using var scope = _tenant.Change(caller);

        await Task.Run(() => _tenant.Change(Guid.NewGuid()), TestContext.Current.CancellationToken); // never disposed, on purpose

        _tenant.Id.ShouldBe(caller);
    }
}
