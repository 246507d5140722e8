using Microsoft.EntityFrameworkCore;
using Regentra.Framework.Data;
using Regentra.TestBase;

namespace Regentra.Framework.Tests;

/// <summary>Counter rows that double as locks: created on first use, incremented after, one statement for many keys.</summary>
public sealed class RowLockTests(WidgetDatabase database) : IClassFixture<WidgetDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Key = [nameof(WidgetCounter.TenantId), nameof(WidgetCounter.WidgetId)];

    [Fact]
    public async Task Many_keys_are_created_or_incremented_in_one_statement_and_a_repeated_key_counts_once()
    {
        var tenant = Guid.NewGuid();
        var (existing, fresh) = (Guid.NewGuid(), Guid.NewGuid());
        await IncrementAsync([[tenant, existing]]);
        var before = database.Commands.InsertsInto("WidgetCounters");

        await IncrementAsync([[tenant, existing], [tenant, fresh], [tenant, existing]]);

        (database.Commands.InsertsInto("WidgetCounters") - before).ShouldBe(1);
        (await CountersAsync(tenant)).ShouldBe(new Dictionary<Guid, int> { [existing] = 2, [fresh] = 1 }, ignoreOrder: true);
    }

    [Fact]
    public async Task Rolling_back_the_transaction_undoes_the_increments()
    {
        var tenant = Guid.NewGuid();
        var widget = Guid.NewGuid();
        await IncrementAsync([[tenant, widget]]);

        await using (var db = database.NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            await db.Database.IncrementManyAsync("WidgetCounters", nameof(WidgetCounter.Value), Key, [[tenant, widget], [tenant, Guid.NewGuid()]], Ct);
            await transaction.RollbackAsync(Ct);
        }

        (await CountersAsync(tenant)).ShouldBe(new Dictionary<Guid, int> { [widget] = 1 });
    }

    [Fact]
    public async Task Outside_a_transaction_the_lock_is_refused_and_nothing_is_written()
    {
        var tenant = Guid.NewGuid();
        await using var db = database.NewContext();

        var refused = await Should.ThrowAsync<InvalidOperationException>(
            () => db.Database.IncrementManyAsync("WidgetCounters", nameof(WidgetCounter.Value), Key, [[tenant, Guid.NewGuid()]], Ct));

        refused.Message.ShouldContain("inside the transaction");
        (await CountersAsync(tenant)).ShouldBeEmpty();
    }

    private async Task IncrementAsync(IReadOnlyList<object[]> keys)
    {
        await using var db = database.NewContext();
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        await db.Database.IncrementManyAsync("WidgetCounters", nameof(WidgetCounter.Value), Key, keys, Ct);
        await transaction.CommitAsync(Ct);
    }

    private async Task<Dictionary<Guid, int>> CountersAsync(Guid tenant)
    {
        await using var db = database.NewContext();
        return await db.WidgetCounters.AsNoTracking().Where(c => c.TenantId == tenant).ToDictionaryAsync(c => c.WidgetId, c => c.Value, Ct);
    }
}
