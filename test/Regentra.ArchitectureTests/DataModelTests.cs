using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Regentra.Framework.Data;
using Regentra.Framework.MultiTenancy;
using Regentra.Host.Data;

namespace Regentra.ArchitectureTests;

/// <summary>Rules every table of the unified model follows, on both providers.</summary>
public sealed class DataModelTests
{
    public static readonly TheoryData<string> Providers = new(["Sqlite", "PostgreSql"]);

    private static IModel Model(string provider)
    {
        using RegentraDbContext db = provider == "Sqlite"
            ? new SqliteDesignTimeFactory().CreateDbContext([])
            : new PostgreSqlDesignTimeFactory().CreateDbContext([]);
        return db.Model;
    }

    private static IEnumerable<IEntityType> MultiTenantEntities(IModel model) =>
        model.GetEntityTypes().Where(t => typeof(IMultiTenant).IsAssignableFrom(t.ClrType) && !t.IsOwned());

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_multi_tenant_entity_has_the_tenant_filter(string provider)
    {
        var entities = MultiTenantEntities(Model(provider)).ToList();

        entities.ShouldNotBeEmpty();
        entities.Where(t => t.GetDeclaredQueryFilters().All(f => f.Key != RegentraModelConventions.TenantFilter))
            .Select(t => t.ClrType.Name).ShouldBeEmpty("These multi-tenant entities would leak across tenants:");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_multi_tenant_table_has_an_index_leading_with_tenant_id_or_its_parent(string provider)
    {
        MultiTenantEntities(Model(provider))
            .Where(t => !t.GetIndexes().Any(LeadsWithTheTenant))
            .Select(t => t.ClrType.Name)
            .ShouldBeEmpty("Tenant-filtered queries need an index that starts with TenantId (or, for child rows, their parent's id):");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Unique_indexes_hold_for_host_rows_too(string provider)
    {
        // NULL tenant ids are distinct to both databases, so a unique (TenantId, X) index alone lets host rows repeat X.
        var model = Model(provider);
        var holes =
            from entity in MultiTenantEntities(model)
            where typeof(IHostScoped).IsAssignableFrom(entity.ClrType)
            from index in entity.GetIndexes()
            where index.IsUnique && index.Properties.Any(p => p.Name == nameof(IMultiTenant.TenantId) && p.IsNullable)
            let companion = index.GetDatabaseName() + RegentraModelConventions.HostScopeSuffix
            where entity.GetIndexes().All(i => i.GetDatabaseName() != companion || !i.IsUnique || i.GetFilter()?.Contains("\"TenantId\" IS NULL") != true)
            select $"{entity.ClrType.Name}.{index.GetDatabaseName()}";

        holes.ShouldBeEmpty("These unique indexes let two host rows share a value:");
        MultiTenantEntities(model).Count(e => typeof(IHostScoped).IsAssignableFrom(e.ClrType)).ShouldBeGreaterThan(0);
    }

    // A child row read through its parent: the parent's id (a foreign key to another multi-tenant row) pins the tenant.
    private static bool LeadsWithTheTenant(IIndex index) =>
        index.Properties[0].Name == nameof(IMultiTenant.TenantId)
        || index.Properties[0].GetContainingForeignKeys().Any(fk =>
            fk.Properties.Count == 1 && typeof(IMultiTenant).IsAssignableFrom(fk.PrincipalEntityType.ClrType));

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_table_is_prefixed_with_the_module_that_owns_it(string provider)
    {
        var misnamed = Model(provider).GetEntityTypes()
            .Where(t => !t.IsOwned() && t.GetTableName() is not null)
            .Select(t => (Table: t.GetTableName()!, Owner: OwnerOf(t.ClrType)))
            .Where(x => !x.Table.StartsWith(x.Owner, StringComparison.Ordinal))
            .Select(x => $"{x.Table} (owned by {x.Owner})");

        misnamed.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Edited_aggregates_carry_a_concurrency_token(string provider)
    {
        Model(provider).GetEntityTypes()
            .Where(t => typeof(IHasConcurrencyStamp).IsAssignableFrom(t.ClrType))
            .Where(t => t.FindProperty(nameof(IHasConcurrencyStamp.ConcurrencyStamp))?.IsConcurrencyToken != true)
            .Select(t => t.ClrType.Name)
            .ShouldBeEmpty();
    }

    // Identity's own types live in the Saas tables; the data-protection key ring belongs to the host.
    private static string OwnerOf(Type type) => type.Namespace switch
    {
        { } ns when ns.StartsWith("Regentra.", StringComparison.Ordinal) => ns.Split('.')[1],
        { } ns when ns.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal) => "Saas",
        _ => "Host",
    };
}
