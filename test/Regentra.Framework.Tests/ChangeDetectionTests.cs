using Microsoft.EntityFrameworkCore;
using Regentra.TestBase;

namespace Regentra.Framework.Tests;

/// <summary>
/// The stamping interceptor scans for changes once and spares EF its own second scan during the save; outside the
/// save, change detection works as EF users expect, whether the save succeeded or failed.
/// </summary>
public sealed class ChangeDetectionTests(WidgetDatabase database) : IClassFixture<WidgetDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_property_changed_without_telling_EF_is_saved_and_stamped_and_detection_is_on_again_afterwards()
    {
        var tenant = Guid.NewGuid();
        await using var db = database.NewContext();
        using var _ = database.Tenant.Change(tenant);
        var widget = new Widget("before");
        db.Widgets.Add(widget);
        await db.SaveChangesAsync(Ct);
        database.Clock.Advance(TimeSpan.FromMinutes(5));

        widget.Name = "after";
        await db.SaveChangesAsync(Ct);
        widget.Name = "again";

        db.ChangeTracker.AutoDetectChangesEnabled.ShouldBeTrue();
        db.ChangeTracker.HasChanges().ShouldBeTrue();
        await using var reader = database.NewContext();
        var stored = await reader.Widgets.AsNoTracking().SingleAsync(w => w.Id == widget.Id, Ct);
        (stored.Name, stored.LastModificationTime).ShouldBe(("after", database.Clock.GetUtcNow().UtcDateTime));
    }

    [Fact]
    public async Task After_a_failed_save_detection_is_on_again()
    {
        var tenant = Guid.NewGuid();
        await using var db = database.NewContext();
        using var _ = database.Tenant.Change(tenant);
        var widget = new Widget("parts");
        db.Widgets.Add(widget);
        db.WidgetParts.AddRange(
            new WidgetPart { WidgetId = widget.Id, Position = 1 }, new WidgetPart { WidgetId = widget.Id, Position = 1 });

        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));

        db.ChangeTracker.AutoDetectChangesEnabled.ShouldBeTrue();
    }

    [Fact]
    public async Task A_save_refused_by_the_tenant_rule_leaves_detection_on()
    {
        await using var db = database.NewContext();
        using var _ = database.Tenant.Change(Guid.NewGuid());
        db.WidgetParts.Add(new WidgetPart { TenantId = Guid.NewGuid(), WidgetId = Guid.NewGuid(), Position = 1 });

        await Should.ThrowAsync<Regentra.Framework.Data.TenantChangeRefusedException>(() => db.SaveChangesAsync(Ct));

        db.ChangeTracker.AutoDetectChangesEnabled.ShouldBeTrue();
    }
}
