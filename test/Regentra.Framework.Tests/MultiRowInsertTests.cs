using Microsoft.EntityFrameworkCore;
using Regentra.Framework.Data;
using Regentra.TestBase;

namespace Regentra.Framework.Tests;

/// <summary>
/// Added <see cref="IInsertedInBulk"/> rows are written with one multi-row statement per table inside a transaction,
/// with exactly the values (and tenant stamp) EF would have written, and fail or roll back with the unit of work.
/// </summary>
public sealed class MultiRowInsertTests(WidgetDatabase database) : IClassFixture<WidgetDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTime At = new(2026, 5, 1, 8, 30, 15, 123, DateTimeKind.Utc);

    [Fact]
    public async Task Inside_a_transaction_the_rows_take_one_statement_and_keep_every_value_and_the_tenant_stamp()
    {
        var tenant = Guid.NewGuid();
        var widget = new Widget("with parts");
        var parts = Enumerable.Range(1, 50).Select(i => Part(widget, i)).ToList();
        var before = database.Commands.InsertsInto("WidgetParts");

        await using (var db = database.NewContext())
        using (database.Tenant.Change(tenant))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            db.Widgets.Add(widget);
            db.WidgetParts.AddRange(parts);
            await db.SaveChangesAsync(Ct);
            await transaction.CommitAsync(Ct);

            parts.ShouldAllBe(p => db.Entry(p).State == EntityState.Unchanged);
        }

        (database.Commands.InsertsInto("WidgetParts") - before).ShouldBe(1);
        var stored = await StoredPartsAsync(tenant, widget.Id);
        stored.Select(p => (p.Id, p.TenantId, p.Position, p.Kind, p.Day, p.Weight, p.Minutes, p.Note, p.At))
            .ShouldBe(parts.Select(p => (p.Id, (Guid?)tenant, p.Position, p.Kind, p.Day, p.Weight, p.Minutes, p.Note, p.At)));
    }

    [Fact]
    public async Task Without_a_transaction_EF_writes_the_rows_itself()
    {
        var tenant = Guid.NewGuid();
        var widget = new Widget("no transaction");
        var before = database.Commands.InsertsInto("WidgetParts");

        await using (var db = database.NewContext())
        using (database.Tenant.Change(tenant))
        {
            db.Widgets.Add(widget);
            db.WidgetParts.AddRange(Part(widget, 1), Part(widget, 2), Part(widget, 3));
            await db.SaveChangesAsync(Ct);
        }

        (database.Commands.InsertsInto("WidgetParts") - before).ShouldBe(3);
        (await StoredPartsAsync(tenant, widget.Id)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task Thousands_of_rows_are_split_under_the_parameter_limit_and_all_arrive()
    {
        var tenant = Guid.NewGuid();
        var widget = new Widget("many parts");

        await using (var db = database.NewContext())
        using (database.Tenant.Change(tenant))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            db.Widgets.Add(widget);
            db.WidgetParts.AddRange(Enumerable.Range(1, 4_000).Select(i => Part(widget, i)));
            await db.SaveChangesAsync(Ct);
            await transaction.CommitAsync(Ct);
        }

        var stored = await StoredPartsAsync(tenant, widget.Id);
        stored.Select(p => p.Position).ShouldBe(Enumerable.Range(1, 4_000));
    }

    [Fact]
    public async Task A_row_the_database_refuses_fails_the_save_as_EF_reports_it_and_the_rollback_keeps_nothing()
    {
        var tenant = Guid.NewGuid();
        var widget = new Widget("refused");

        await using (var db = database.NewContext())
        using (database.Tenant.Change(tenant))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            db.Widgets.Add(widget);
            db.WidgetParts.AddRange(Part(widget, 1), Part(widget, 2), Part(widget, 2)); // the unique (widget, position) index refuses

            var refused = await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));

            refused.IsUniqueConstraintViolation().ShouldBeTrue();
        }

        await using var check = database.NewContext();
        (await check.Widgets.IgnoreQueryFilters().AnyAsync(w => w.Id == widget.Id, Ct)).ShouldBeFalse();
        (await StoredPartsAsync(tenant, widget.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task When_EFs_own_write_fails_the_rows_are_still_added_and_a_retry_writes_them()
    {
        var tenant = Guid.NewGuid();
        var taken = await SeedWidgetAsync(tenant);
        var widget = new Widget("retried");
        var parts = new[] { Part(widget, 1), Part(widget, 2) };

        await using (var db = database.NewContext())
        using (database.Tenant.Change(tenant))
        {
            await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
            {
                var duplicate = db.Widgets.Add(new Widget("duplicate key"));
                duplicate.Property(w => w.Id).CurrentValue = taken;
                db.Widgets.Add(widget);
                db.WidgetParts.AddRange(parts);

                await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));

                parts.ShouldAllBe(p => db.Entry(p).State == EntityState.Added);
                duplicate.State = EntityState.Detached;
            }

            await using var retry = await db.Database.BeginTransactionAsync(Ct);
            await db.SaveChangesAsync(Ct);
            await retry.CommitAsync(Ct);
        }

        (await StoredPartsAsync(tenant, widget.Id)).Count.ShouldBe(2);
    }

    // Every column kind, with nulls in the nullable ones on alternate rows.
    private static WidgetPart Part(Widget widget, int position) => new()
    {
        WidgetId = widget.Id,
        Position = position,
        Kind = position % 2 == 0 ? PartKind.Gear : PartKind.Bolt,
        Day = position % 2 == 0 ? null : new DateOnly(2026, 4, 1).AddDays(position % 28),
        Weight = position * 1.2345m,
        Minutes = position % 2 == 0 ? null : position * 15,
        Note = position % 2 == 0 ? null : $"Part {position}, with a comma and 'quotes'",
        At = At.AddSeconds(position),
    };

    private async Task<Guid> SeedWidgetAsync(Guid tenant)
    {
        await using var db = database.NewContext();
        using var _ = database.Tenant.Change(tenant);
        var widget = new Widget("taken");
        db.Widgets.Add(widget);
        await db.SaveChangesAsync(Ct);
        return widget.Id;
    }

    private async Task<List<WidgetPart>> StoredPartsAsync(Guid tenant, Guid widgetId)
    {
        await using var db = database.NewContext();
        using var _ = database.Tenant.Change(tenant);
        return await db.WidgetParts.AsNoTracking().Where(p => p.WidgetId == widgetId).OrderBy(p => p.Position).ToListAsync(Ct);
    }
}
