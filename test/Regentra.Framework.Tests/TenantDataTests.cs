using Microsoft.EntityFrameworkCore;
using Regentra.Framework.Data;

namespace Regentra.Framework.Tests;

public sealed class TenantDataTests(WidgetDatabase database) : IClassFixture<WidgetDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Inserts_are_stamped_with_the_current_tenant()
    {
        var tenant = Guid.NewGuid();
        await using var db = database.NewContext();

        using (database.Tenant.Change(tenant))
        {
            var widget = new Widget("stamped");
            db.Widgets.Add(widget);
            await db.SaveChangesAsync(Ct);
            widget.TenantId.ShouldBe(tenant);
        }
    }

    [Fact]
    public async Task The_tenant_filter_shows_only_the_current_tenants_rows_and_host_rows_only_to_the_host()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        await SeedAsync(a, "a1", "a2");
        await SeedAsync(b, "b1");
        await SeedAsync(null, "host1");

        await using var db = database.NewContext();
        using (database.Tenant.Change(a))
        {
            (await Names(db)).ShouldBe(["a1", "a2"]);
        }

        // Same context instance, other tenant: the filter value is read per query, never cached in the model.
        using (database.Tenant.Change(b))
        {
            (await Names(db)).ShouldBe(["b1"]);
        }

        using (database.Tenant.Change(null))
        {
            (await db.Widgets.Where(w => w.Name == "host1" || w.Name == "a1").Select(w => w.Name).ToListAsync(Ct)).ShouldBe(["host1"]);
        }
    }

    [Fact]
    public async Task Ignoring_the_named_tenant_filter_is_explicit_and_sees_every_tenant()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        await SeedAsync(a, $"x-{a}");
        await SeedAsync(b, $"x-{b}");

        await using var db = database.NewContext();
        using (database.Tenant.Change(a))
        {
            var all = await db.Widgets.IgnoreQueryFilters([RegentraModelConventions.TenantFilter])
                .CountAsync(w => w.Name == $"x-{a}" || w.Name == $"x-{b}", Ct);
            all.ShouldBe(2);
        }
    }

    [Fact]
    public async Task Every_multi_tenant_entity_carries_the_named_tenant_filter()
    {
        await using var db = database.NewContext();

        var filters = db.Model.FindEntityType(typeof(Widget))!.GetDeclaredQueryFilters();

        filters.Select(f => f.Key).ShouldContain(RegentraModelConventions.TenantFilter);
    }

    [Fact]
    public async Task Moving_a_row_to_another_tenant_is_refused()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var id = await SeedAsync(a, "mine");

        await using var db = database.NewContext();
        using (database.Tenant.Change(a))
        {
            var widget = await db.Widgets.SingleAsync(w => w.Id == id, Ct);
            widget.TenantId = b;

            await Should.ThrowAsync<TenantChangeRefusedException>(() => db.SaveChangesAsync(Ct));
        }

        await using var check = database.NewContext();
        (await check.Widgets.IgnoreQueryFilters().SingleAsync(w => w.Id == id, Ct)).TenantId.ShouldBe(a);
    }

    [Fact]
    public async Task Inserting_a_row_for_another_tenant_while_acting_for_one_is_refused()
    {
        await using var db = database.NewContext();
        using (database.Tenant.Change(Guid.NewGuid()))
        {
            db.Widgets.Add(new Widget("intruder") { TenantId = Guid.NewGuid() });

            await Should.ThrowAsync<TenantChangeRefusedException>(() => db.SaveChangesAsync(Ct));
        }
    }

    [Fact]
    public async Task A_row_only_organisations_own_is_refused_without_a_tenant()
    {
        await using var db = database.NewContext();
        var widgetId = Guid.NewGuid();
        db.Add(new WidgetPart { WidgetId = widgetId, TenantId = null });

        var refused = await Should.ThrowAsync<TenantChangeRefusedException>(() => db.SaveChangesAsync(Ct));

        refused.Message.ShouldContain("without a tenant");
        await using var check = database.NewContext();
        (await check.Set<WidgetPart>().IgnoreQueryFilters().CountAsync(p => p.WidgetId == widgetId, Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task Audit_fields_record_who_created_and_who_last_changed_a_row_and_when()
    {
        var (creator, editor) = (Guid.NewGuid(), Guid.NewGuid());
        database.User.Id = creator;
        var id = await SeedAsync(null, "audited");
        var created = database.Clock.GetUtcNow().UtcDateTime;

        database.Clock.Advance(TimeSpan.FromMinutes(5));
        database.User.Id = editor;
        await using (var db = database.NewContext())
        {
            (await db.Widgets.SingleAsync(w => w.Id == id, Ct)).Name = "audited, edited";
            await db.SaveChangesAsync(Ct);
        }

        await using var check = database.NewContext();
        var widget = await check.Widgets.SingleAsync(w => w.Id == id, Ct);
        widget.CreatorId.ShouldBe(creator);
        widget.CreationTime.ShouldBe(created, TimeSpan.FromMilliseconds(1));
        widget.LastModifierId.ShouldBe(editor);
        widget.LastModificationTime!.Value.ShouldBe(created.AddMinutes(5), TimeSpan.FromMilliseconds(1));
        database.User.Id = null;
    }

    [Fact]
    public async Task Of_two_edits_of_the_same_version_the_second_is_refused_as_a_concurrency_conflict()
    {
        var id = await SeedAsync(null, "contested");
        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var mine = await first.Widgets.SingleAsync(w => w.Id == id, Ct);
        var theirs = await second.Widgets.SingleAsync(w => w.Id == id, Ct);

        mine.Name = "mine";
        await first.SaveChangesAsync(Ct);
        theirs.Name = "theirs";

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));
        mine.ConcurrencyStamp.ShouldNotBe(theirs.ConcurrencyStamp);
    }

    [Fact]
    public async Task A_stale_stamp_sent_by_a_client_is_refused_even_on_a_freshly_loaded_row()
    {
        var id = await SeedAsync(null, "client edit");
        await using var db = database.NewContext();
        var widget = await db.Widgets.SingleAsync(w => w.Id == id, Ct);

        db.ExpectConcurrencyStamp(widget, "stamp-the-client-read-long-ago");
        widget.Name = "overwrite";

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync(Ct));
    }

    private async Task<Guid> SeedAsync(Guid? tenant, params string[] names)
    {
        await using var db = database.NewContext();
        using (database.Tenant.Change(tenant))
        {
            var widgets = names.Select(n => new Widget(n)).ToList();
            db.Widgets.AddRange(widgets);
            await db.SaveChangesAsync(Ct);
            return widgets[0].Id;
        }
    }

    private static Task<List<string>> Names(WidgetDbContext db) =>
        db.Widgets.OrderBy(w => w.Name).Select(w => w.Name).ToListAsync(Ct);
}
