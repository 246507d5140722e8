using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regentra.Host.Data;

namespace Regentra.Host.Tests;

public sealed class MigrationTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    [Fact]
    public void The_sqlite_migrations_cover_the_whole_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        db.Database.HasPendingModelChanges().ShouldBeFalse("Add a migration: dotnet ef migrations add <Name> --context SqliteRegentraDbContext --output-dir Data/Migrations/Sqlite");
    }

    [Fact]
    public void The_postgresql_migrations_cover_the_whole_model()
    {
        using var db = new PostgreSqlDesignTimeFactory().CreateDbContext([]);

        db.Database.HasPendingModelChanges().ShouldBeFalse("Add a migration: dotnet ef migrations add <Name> --context PostgreSqlRegentraDbContext --output-dir Data/Migrations/PostgreSql");
    }

    [Fact]
    public async Task The_running_application_uses_exactly_the_migrated_model_and_is_fully_migrated()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegentraDbContext>();

        db.Database.HasPendingModelChanges().ShouldBeFalse();
        (await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).ShouldNotBeEmpty();
    }
}
