using Regentra.Saas.Contracts.Account;

namespace Regentra.Saas.Tests;

public sealed class SmokeTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    [Fact]
    public async Task Signup_then_token_then_app_config_describes_the_new_admin()
    {
        var admin = await app.SignUpAsync();

        var config = await admin.Client.GetAsync<AppConfigDto>("/api/app-config");

        config.CurrentTenant!.Slug.ShouldBe(admin.Slug);
        config.CurrentUser!.Roles.ShouldBe(["Admin"]);
        (await app.QueryAsync(db => Task.FromResult(db.Database.ProviderName ?? ""))).ShouldContain(app.Database.Provider == TestProvider.Sqlite ? "Sqlite" : "Npgsql");
    }
}
